import type { Role } from '@mre/contracts';

export interface NavLinkItem {
  to: string;
  labelKey: string;
  roles?: readonly Role[];
}

export const ADMIN_ONLY: readonly Role[] = ['admin'];
/** Those who run or teach cohorts: the cohort pages and their rosters. */
export const COHORT_STAFF: readonly Role[] = ['admin', 'coordinator', 'expert'];
/** Who may edit a course's modules and files (experts only those of their courses: the API checks). */
export const COURSE_AUTHORS: readonly Role[] = ['admin', 'expert'];
export const TRAINEE_ONLY: readonly Role[] = ['trainee'];

export const NAV_LINKS: readonly NavLinkItem[] = [
  { to: '/courses', labelKey: 'nav.catalog' },
  { to: '/schedule', labelKey: 'schedule.nav' },
  { to: '/my-courses', labelKey: 'cohorts.nav.myCourses', roles: TRAINEE_ONLY },
  { to: '/cohorts', labelKey: 'cohorts.nav.cohorts', roles: COHORT_STAFF },
  { to: '/admin/dashboard', labelKey: 'reports.nav', roles: ADMIN_ONLY },
  { to: '/admin/networks', labelKey: 'nav.networks', roles: ADMIN_ONLY },
  { to: '/admin/centres', labelKey: 'nav.centres', roles: ADMIN_ONLY },
  { to: '/admin/courses', labelKey: 'nav.adminCourses', roles: ADMIN_ONLY },
  { to: '/admin/users', labelKey: 'nav.users', roles: ADMIN_ONLY },
  { to: '/admin/audit', labelKey: 'audit.nav', roles: ADMIN_ONLY },
  { to: '/profile', labelKey: 'nav.profile' },
];

export function navLinksFor(role: Role): NavLinkItem[] {
  return NAV_LINKS.filter((link) => !link.roles || link.roles.includes(role));
}
