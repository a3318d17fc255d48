import { AppShell, Group } from '@mantine/core';
import { Outlet } from 'react-router';
import { FlashMessage } from '@/shared/components/flash-message';
import { useFocusOnNavigation } from '../hooks/use-focus-on-navigation';
import { Brand } from './brand';
import { LanguageSwitcher } from './language-switcher';
import { MAIN_ID, SkipLink } from './skip-link';

export function PublicLayout() {
  useFocusOnNavigation(MAIN_ID);
  return (
    <AppShell header={{ height: 60 }} padding="md">
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Brand />
          <LanguageSwitcher />
        </Group>
      </AppShell.Header>
      <AppShell.Main id={MAIN_ID} tabIndex={-1}>
        <Outlet />
        <FlashMessage />
      </AppShell.Main>
    </AppShell>
  );
}
