import { Box, Burger, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useCurrentUser, useSignOut } from '@/features/auth/hooks/use-session';
import { NotificationBell } from '@/features/notifications/components/notification-bell';
import { OfflineNotice } from '@/features/offline/components/offline-notice';
import { FlashMessage } from '@/shared/components/flash-message';
import { useFocusOnNavigation } from '../hooks/use-focus-on-navigation';
import { Brand } from './brand';
import { LanguageSwitcher } from './language-switcher';
import { MAIN_ID, SkipLink } from './skip-link';
import { MainNav } from './main-nav';
import classes from './app-layout.module.css';

const NAV_ID = 'main-nav';
/**
 * The class react-remove-scroll (Mantine's modals) moves by the scrollbar's width when it hides the
 * page's scrollbar, so that the fixed header does not shift under an open dialog.
 */
const SCROLLBAR_GAP_CLASS = 'right-scroll-bar-position';

/**
 * The frame of the signed-in pages, from light primitives and a stylesheet of its own rather than
 * Mantine's AppShell (7 KB, and react-remove-scroll with it, on every signed-in page's first
 * download). On phones the header keeps the brand, the bell and the languages; the navigation and
 * signing out are behind the burger.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const signOut = useSignOut();
  const [navOpened, nav] = useDisclosure();
  const burger = useRef<HTMLButtonElement>(null);
  useFocusOnNavigation(MAIN_ID);

  // Escape closes the menu from the burger or from inside it, and the focus goes back to the burger.
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !navOpened) return;
    nav.close();
    burger.current?.focus();
  };

  return (
    <>
      <SkipLink />
      <header className={`${classes.header} ${SCROLLBAR_GAP_CLASS}`}>
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger
              ref={burger}
              opened={navOpened}
              onClick={nav.toggle}
              onKeyDown={closeOnEscape}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('layout.menu')}
              aria-expanded={navOpened}
              aria-controls={NAV_ID}
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
      </header>
      <Stack
        id={NAV_ID}
        className={classes.navbar}
        data-opened={navOpened || undefined}
        onKeyDown={closeOnEscape}
        justify="space-between"
      >
        <MainNav role={user.role} onNavigate={nav.close} />
        <Button variant="subtle" onClick={signOut} hiddenFrom="sm" data-testid="nav-sign-out">
          {t('layout.signOut')}
        </Button>
      </Stack>
      <Box component="main" id={MAIN_ID} tabIndex={-1} className={classes.main}>
        <OfflineNotice />
        <Outlet />
        <FlashMessage />
      </Box>
    </>
  );
}
