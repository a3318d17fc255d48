import '@mantine/core/styles.layer.css';
import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { RequireAuth } from '@/features/auth/components/require-auth';
import { CatalogPage } from '@/features/catalog/components/catalog-page';
import { CoursePage } from '@/features/catalog/components/course-page';
import { MyCoursesPage } from '@/features/cohorts/components/my-courses-page';
import { AttendancePage } from '@/features/attendance/components/attendance-page';
import { HomeRedirect } from '@/features/home/components/home-redirect';
import { TraineeHomePage } from '@/features/home/components/trainee-home-page';
import { AppLayout } from '@/features/layout/components/app-layout';
import {
  ADMIN_ONLY,
  COHORT_STAFF,
  COURSE_AUTHORS,
  PEOPLE_MANAGERS,
  TRAINEE_ONLY,
} from '@/features/layout/components/nav-links';
import { NotFoundPage } from '@/features/layout/components/not-found-page';
import { ProfilePage } from '@/features/profile/components/profile-page';
import { SchedulePage } from '@/features/schedule/components/schedule-page';
import { SESSION_STAFF } from '@/features/schedule/lib/staff';
import { later } from './later';

const AdminRoutes = lazy(() => import('@/features/admin/components/admin-routes'));
const CourseModulesPage = lazy(() => import('@/features/admin/components/course-modules-page'));
const CohortRoutes = lazy(() => import('@/features/cohorts/components/cohort-routes'));
// LiveKit is heavy: loaded only by those who open a classroom.
const ClassroomPage = lazy(() => import('@/features/classroom/components/classroom-page'));
// The chart library is heavy too: only admins open the dashboard.
const DashboardPage = lazy(() => import('@/features/reports/components/dashboard-page'));
const QuizEditorPage = lazy(() => import('@/features/quizzes/components/quiz-editor-page'));
const AttemptPage = lazy(() => import('@/features/quizzes/components/attempt-page'));
const AuditPage = lazy(() => import('@/features/audit/components/audit-page'));
const PeoplePage = lazy(() => import('@/features/admin/components/people-page'));

/**
 * Everything behind the sign-in, in a chunk of its own: the sign-in page, the first page most people
 * see on a weak link, does not download the app it leads to. The everyday pages (catalogue,
 * schedule, courses, profile) come in this one chunk, the heavy ones on demand.
 */
export default function SignedInRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route path="/" element={<HomeRedirect />} />
        <Route path="/courses" element={<CatalogPage />} />
        <Route path="/courses/:id" element={<CoursePage />} />
        <Route path="/profile" element={<ProfilePage />} />
        <Route path="/schedule" element={<SchedulePage />} />
        <Route path="/sessions/:id/classroom" element={later(<ClassroomPage />)} />
        <Route path="/attempts/:id" element={later(<AttemptPage />)} />
        <Route element={<RequireAuth roles={COURSE_AUTHORS} />}>
          <Route path="/courses/:id/edit" element={later(<CourseModulesPage />)} />
          <Route path="/courses/:id/modules/:moduleId/quizzes/:quizId" element={later(<QuizEditorPage />)} />
        </Route>
        <Route element={<RequireAuth roles={SESSION_STAFF} orTeacher />}>
          <Route path="/sessions/:id/attendance" element={<AttendancePage />} />
        </Route>
        <Route element={<RequireAuth roles={TRAINEE_ONLY} />}>
          <Route path="/my-courses" element={<MyCoursesPage />} />
          <Route path="/home" element={<TraineeHomePage />} />
        </Route>
        <Route element={<RequireAuth roles={COHORT_STAFF} orTeacher />}>
          <Route path="/cohorts/*" element={later(<CohortRoutes />)} />
        </Route>
        <Route element={<RequireAuth roles={PEOPLE_MANAGERS} />}>
          <Route path="/people" element={later(<PeoplePage />)} />
        </Route>
        <Route element={<RequireAuth roles={ADMIN_ONLY} />}>
          <Route path="/admin/dashboard" element={later(<DashboardPage />)} />
          <Route path="/admin/audit" element={later(<AuditPage />)} />
          <Route path="/admin/*" element={later(<AdminRoutes />)} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
