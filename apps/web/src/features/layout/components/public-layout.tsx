import { AppShell, Group } from '@mantine/core';
import { Outlet } from 'react-router';
import { Brand } from './brand';
import { LanguageSwitcher } from './language-switcher';

export function PublicLayout() {
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Brand />
          <LanguageSwitcher />
        </Group>
      </AppShell.Header>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
