import { NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import type { Role } from '@mre/contracts';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { useTeachesCohorts } from '@/features/auth/hooks/use-teaching';
import { navLinksFor } from './nav-links';

export function MainNav({ role, onNavigate }: { role: Role; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const teaches = useTeachesCohorts(useCurrentUser()) ?? false;
  return (
    <Stack gap={4} component="nav" aria-label={t('layout.mainNav')}>
      {navLinksFor(role, teaches).map((link) => (
        <NavLink
          key={link.to}
          component={RouterNavLink}
          to={link.to}
          label={t(link.labelKey)}
          active={pathname.startsWith(link.to)}
          onClick={onNavigate}
          // The whole path: /courses and /admin/courses must not share a test id.
          data-testid={`nav-${link.to.slice(1).replaceAll('/', '-')}`}
        />
      ))}
    </Stack>
  );
}
