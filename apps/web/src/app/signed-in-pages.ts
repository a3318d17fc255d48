import { lazy, type ComponentType } from 'react';
import { matchPath } from 'react-router';
import { withAllTexts } from '@/i18n/i18n';

type Loader = () => Promise<unknown>;

/** A lazily loaded page from a module's named export. */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return Object.assign(
    lazy(() => load().then((module) => ({ default: pick(module) }))),
    { load },
  );
}

/** The frame of the pages behind the sign-in (layout, navigation, guards): signed-in-routes.tsx. */
export const loadSignedInRoutes = () => import('./signed-in-routes');

// Each page is a chunk of its own with what it uses: a trainee's home, schedule and courses (the
// everyday pages) carry neither the other pages' components nor their styles.
export const TraineeHomePage = page(
  () => import('@/features/home/components/trainee-home-page'),
  (m) => m.TraineeHomePage,
);
export const SchedulePage = page(
  () => import('@/features/schedule/components/schedule-page'),
  (m) => m.SchedulePage,
);
export const MyCoursesPage = page(
  () => import('@/features/cohorts/components/my-courses-page'),
  (m) => m.MyCoursesPage,
);
// The other pages are outside the first screens: each also waits for the rest of its language
// (first-texts.ts), which a trainee's home does not download before it shows.
export const CohortBoardPage = page(
  withAllTexts(() => import('@/features/cohort-board/components/cohort-board-page')),
  (m) => m.CohortBoardPage,
);
export const CatalogPage = page(
  withAllTexts(() => import('@/features/catalog/components/catalog-page')),
  (m) => m.CatalogPage,
);
export const CoursePage = page(
  withAllTexts(() => import('@/features/catalog/components/course-page')),
  (m) => m.CoursePage,
);
export const ProfilePage = page(
  withAllTexts(() => import('@/features/profile/components/profile-page')),
  (m) => m.ProfilePage,
);
export const AttendancePage = page(
  withAllTexts(() => import('@/features/attendance/components/attendance-page')),
  (m) => m.AttendancePage,
);
// Forms with dates (luxon), the admin lists, LiveKit and the charts stay in chunks of their own.
export const CourseModulesPage = page(
  withAllTexts(() => import('@/features/admin/components/course-modules-page')),
  (m) => m.default,
);
export const CohortRoutes = page(
  withAllTexts(() => import('@/features/cohorts/components/cohort-routes')),
  (m) => m.default,
);
export const ClassroomPage = page(
  withAllTexts(() => import('@/features/classroom/components/classroom-page')),
  (m) => m.default,
);
export const QuizEditorPage = page(
  withAllTexts(() => import('@/features/quizzes/components/quiz-editor-page')),
  (m) => m.default,
);
export const AttemptPage = page(
  withAllTexts(() => import('@/features/quizzes/components/attempt-page')),
  (m) => m.default,
);
export const FeedbackPage = page(
  withAllTexts(() => import('@/features/feedback/components/feedback-page')),
  (m) => m.default,
);
export const DashboardPage = page(
  withAllTexts(() => import('@/features/reports/components/dashboard-page')),
  (m) => m.default,
);
export const AuditPage = page(
  withAllTexts(() => import('@/features/audit/components/audit-page')),
  (m) => m.default,
);
export const PeoplePage = page(
  withAllTexts(() => import('@/features/admin/components/people-page')),
  (m) => m.default,
);
export const AdminRoutes = page(
  withAllTexts(() => import('@/features/admin/components/admin-routes')),
  (m) => m.default,
);

/** Which page each address opens, most specific first (as signed-in-routes.tsx routes them). */
const PAGES: [pattern: string, load: Loader][] = [
  ['/home', TraineeHomePage.load],
  ['/schedule', SchedulePage.load],
  ['/my-courses', MyCoursesPage.load],
  ['/courses', CatalogPage.load],
  ['/courses/:id/edit', CourseModulesPage.load],
  ['/courses/:id', CoursePage.load],
  ['/profile', ProfilePage.load],
  ['/sessions/:id/classroom', ClassroomPage.load],
  ['/attempts/:id', AttemptPage.load],
  ['/courses/:id/modules/:moduleId/quizzes/:quizId', QuizEditorPage.load],
  ['/sessions/:id/attendance', AttendancePage.load],
  ['/sessions/:id/feedback', FeedbackPage.load],
  ['/cohorts/*', CohortRoutes.load],
  ['/people', PeoplePage.load],
  ['/admin/dashboard', DashboardPage.load],
  ['/admin/audit', AuditPage.load],
  ['/admin/*', AdminRoutes.load],
];

/**
 * Starts downloading the frame and the page at `pathname` together, before React asks for them
 * one after the other (the frame, then the page it routes to): a signed-in person opening the app
 * waits for one round trip of lazy code, not two. A failed download is tried again when rendered.
 */
export function preloadSignedIn(pathname: string): void {
  const load = PAGES.find(([pattern]) => matchPath(pattern, pathname))?.[1];
  for (const start of [loadSignedInRoutes, load]) if (start) void start().catch(() => undefined);
}
