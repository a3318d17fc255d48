import type { Role } from '@mre/contracts';

export interface NavLinkItem {
  to: string;
  labelKey: string;
  roles?: readonly Role[];
}

export const ADMIN_ONLY: readonly Role[] = ['admin'];

export const NAV_LINKS: readonly NavLinkItem[] = [
  { to: '/courses', labelKey: 'nav.catalog' },
  { to: '/admin/networks', labelKey: 'nav.networks', roles: ADMIN_ONLY },
  { to: '/admin/centres', labelKey: 'nav.centres', roles: ADMIN_ONLY },
  { to: '/admin/courses', labelKey: 'nav.adminCourses', roles: ADMIN_ONLY },
  { to: '/admin/users', labelKey: 'nav.users', roles: ADMIN_ONLY },
  { to: '/profile', labelKey: 'nav.profile' },
];

export function navLinksFor(role: Role): NavLinkItem[] {
  return NAV_LINKS.filter((link) => !link.roles || link.roles.includes(role));
}
