import type { Role } from '@mre/contracts';

export interface NavLinkItem {
  to: string;
  labelKey: string;
  roles?: readonly Role[];
  /** Also shown to whoever teaches a cohort, whatever their role. */
  forTeachers?: boolean;
}

export const ADMIN_ONLY: readonly Role[] = ['admin'];
/** Those who run or teach cohorts: the cohort pages and their rosters. */
export const COHORT_STAFF: readonly Role[] = ['admin', 'coordinator', 'expert'];
/** Who may edit a course's modules and files (experts only those of their courses: the API checks). */
export const COURSE_AUTHORS: readonly Role[] = ['admin', 'expert'];
export const TRAINEE_ONLY: readonly Role[] = ['trainee'];
/** Who opens the People page: admins for everyone, coordinators for their centre. */
export const PEOPLE_MANAGERS: readonly Role[] = ['admin', 'coordinator'];

export const NAV_LINKS: readonly NavLinkItem[] = [
  { to: '/home', labelKey: 'nav.home', roles: TRAINEE_ONLY },
  { to: '/courses', labelKey: 'nav.catalog' },
  { to: '/schedule', labelKey: 'schedule.nav' },
  { to: '/my-courses', labelKey: 'cohorts.nav.myCourses', roles: TRAINEE_ONLY },
  { to: '/cohorts', labelKey: 'cohorts.nav.cohorts', roles: COHORT_STAFF, forTeachers: true },
  { to: '/admin/dashboard', labelKey: 'reports.nav', roles: ADMIN_ONLY },
  { to: '/admin/networks', labelKey: 'nav.networks', roles: ADMIN_ONLY },
  { to: '/admin/centres', labelKey: 'nav.centres', roles: ADMIN_ONLY },
  { to: '/admin/courses', labelKey: 'nav.adminCourses', roles: ADMIN_ONLY },
  { to: '/people', labelKey: 'nav.users', roles: PEOPLE_MANAGERS },
  { to: '/admin/audit', labelKey: 'audit.nav', roles: ADMIN_ONLY },
  { to: '/profile', labelKey: 'nav.profile' },
];

/** The links of a role, and those of teaching when the person teaches a cohort (a trainer holding the trainee role). */
export function navLinksFor(role: Role, teaches = false): NavLinkItem[] {
  return NAV_LINKS.filter(
    (link) => !link.roles || link.roles.includes(role) || (teaches && link.forTeachers),
  );
}
