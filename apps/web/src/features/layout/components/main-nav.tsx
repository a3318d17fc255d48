import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { Role } from '@mre/contracts';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { useTeachesCohorts } from '@/features/auth/hooks/use-teaching';
import { navLinksFor } from './nav-links';
import classes from './app-layout.module.css';

/**
 * The links of the frame. Router links rather than Mantine's NavLink, whose nested links (and their
 * collapse animation) this flat list never uses; the router marks the current page's link
 * `aria-current="page"` (its path or below), which the stylesheet tints.
 */
export function MainNav({ role, onNavigate }: { role: Role; onNavigate: () => void }) {
  const { t } = useTranslation();
  const teaches = useTeachesCohorts(useCurrentUser()) ?? false;
  return (
    <Stack gap={4} component="nav" aria-label={t('layout.mainNav')}>
      {navLinksFor(role, teaches).map((link) => (
        <NavLink
          key={link.to}
          to={link.to}
          className={classes.link}
          onClick={onNavigate}
          // The whole path: /courses and /admin/courses must not share a test id.
          data-testid={`nav-${link.to.slice(1).replaceAll('/', '-')}`}
        >
          {t(link.labelKey)}
        </NavLink>
      ))}
    </Stack>
  );
}
