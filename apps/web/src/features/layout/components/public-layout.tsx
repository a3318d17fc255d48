import { Box, Group } from '@mantine/core';
import { Outlet } from 'react-router';
import { FlashMessage } from '@/shared/components/flash-message';
import { useFocusOnNavigation } from '../hooks/use-focus-on-navigation';
import { Brand } from './brand';
import { LanguageSwitcher } from './language-switcher';
import { MAIN_ID, SkipLink } from './skip-link';

/**
 * The pages before signing in: a header and the page, nothing more; the signed-in frame
 * (app-layout.tsx) adds the navigation, in its own chunk: the sign-in page is the first download on a
 * weak link.
 */
export function PublicLayout() {
  useFocusOnNavigation(MAIN_ID);
  return (
    <>
      <SkipLink />
      <Box
        component="header"
        h={60}
        px="md"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Brand />
          <LanguageSwitcher />
        </Group>
      </Box>
      <Box component="main" id={MAIN_ID} tabIndex={-1} p="md">
        <Outlet />
        <FlashMessage />
      </Box>
    </>
  );
}
