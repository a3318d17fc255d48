import { AppShell, Burger, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useCurrentUser, useSignOut } from '@/features/auth/hooks/use-session';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { OfflineNotice } from '@/features/offline/components/offline-notice';
import { useFocusOnNavigation } from '../hooks/use-focus-on-navigation';
import { Brand } from './brand';
import { LanguageSwitcher } from './language-switcher';
import { MAIN_ID, SkipLink } from './skip-link';
import { MainNav } from './main-nav';

/**
 * The frame of the signed-in pages; AppShell mirrors itself (navbar on the right) in RTL. On phones
 * the header keeps the brand, the bell and the languages, and signing out moves into the menu.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const signOut = useSignOut();
  const [navOpened, nav] = useDisclosure();
  useFocusOnNavigation(MAIN_ID);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('layout.menu')}
            />
            <Brand />
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <LanguageSwitcher />
            <Text size="sm" visibleFrom="md" data-testid="current-user">
              {user.fullName}
            </Text>
            <Button size="xs" variant="subtle" onClick={signOut} visibleFrom="sm" data-testid="sign-out">
              {t('layout.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <Stack justify="space-between" h="100%">
          <MainNav role={user.role} onNavigate={nav.close} />
          <Button variant="subtle" onClick={signOut} hiddenFrom="sm" data-testid="nav-sign-out">
            {t('layout.signOut')}
          </Button>
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id={MAIN_ID} tabIndex={-1}>
        <OfflineNotice />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
