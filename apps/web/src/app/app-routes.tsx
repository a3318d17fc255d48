import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AcceptInvitePage } from '@/features/auth/components/accept-invite-page';
import { ForgotPasswordPage } from '@/features/auth/components/forgot-password-page';
import { ResetPasswordPage } from '@/features/auth/components/reset-password-page';
import { LoginPage } from '@/features/auth/components/login-page';
import { RedirectIfSignedIn, RequireAuth } from '@/features/auth/components/require-auth';
import { CatalogPage } from '@/features/catalog/components/catalog-page';
import { CoursePage } from '@/features/catalog/components/course-page';
import { VerifyPage } from '@/features/certificates/components/verify-page';
import { MyCoursesPage } from '@/features/cohorts/components/my-courses-page';
import { AttendancePage } from '@/features/attendance/components/attendance-page';
import { AppLayout } from '@/features/layout/components/app-layout';
import {
  ADMIN_ONLY,
  COHORT_STAFF,
  PEOPLE_MANAGERS,
  TRAINEE_ONLY,
} from '@/features/layout/components/nav-links';
import { NotFoundPage } from '@/features/layout/components/not-found-page';
import { PublicLayout } from '@/features/layout/components/public-layout';
import { ProfilePage } from '@/features/profile/components/profile-page';
import { SchedulePage } from '@/features/schedule/components/schedule-page';
import { SESSION_STAFF } from '@/features/schedule/lib/staff';
import { LoadingState } from '@/shared/components/query-states';

const AdminRoutes = lazy(() => import('@/features/admin/components/admin-routes'));
const CohortRoutes = lazy(() => import('@/features/cohorts/components/cohort-routes'));
// LiveKit is heavy: loaded only by those who open a classroom.
const ClassroomPage = lazy(() => import('@/features/classroom/components/classroom-page'));
// The chart library is heavy too: only admins open the dashboard.
const DashboardPage = lazy(() => import('@/features/reports/components/dashboard-page'));
const AuditPage = lazy(() => import('@/features/audit/components/audit-page'));
const PeoplePage = lazy(() => import('@/features/admin/components/people-page'));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route element={<RedirectIfSignedIn />}>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        </Route>
        <Route path="/accept-invite" element={<AcceptInvitePage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        {/* Public: anyone checks a certificate, signed in or not. */}
        <Route path="/verify/:code?" element={<VerifyPage />} />
      </Route>
      <Route element={<RequireAuth />}>
        <Route element={<AppLayout />}>
          <Route index element={<Navigate to="/courses" replace />} />
          <Route path="/courses" element={<CatalogPage />} />
          <Route path="/courses/:id" element={<CoursePage />} />
          <Route path="/profile" element={<ProfilePage />} />
          <Route path="/schedule" element={<SchedulePage />} />
          <Route
            path="/sessions/:id/classroom"
            element={
              <Suspense fallback={<LoadingState />}>
                <ClassroomPage />
              </Suspense>
            }
          />
          <Route element={<RequireAuth roles={SESSION_STAFF} orTeacher />}>
            <Route path="/sessions/:id/attendance" element={<AttendancePage />} />
          </Route>
          <Route element={<RequireAuth roles={TRAINEE_ONLY} />}>
            <Route path="/my-courses" element={<MyCoursesPage />} />
          </Route>
          <Route element={<RequireAuth roles={COHORT_STAFF} orTeacher />}>
            <Route
              path="/cohorts/*"
              element={
                <Suspense fallback={<LoadingState />}>
                  <CohortRoutes />
                </Suspense>
              }
            />
          </Route>
          <Route element={<RequireAuth roles={PEOPLE_MANAGERS} />}>
            <Route
              path="/people"
              element={
                <Suspense fallback={<LoadingState />}>
                  <PeoplePage />
                </Suspense>
              }
            />
          </Route>
          <Route element={<RequireAuth roles={ADMIN_ONLY} />}>
            <Route
              path="/admin/dashboard"
              element={
                <Suspense fallback={<LoadingState />}>
                  <DashboardPage />
                </Suspense>
              }
            />
            <Route
              path="/admin/audit"
              element={
                <Suspense fallback={<LoadingState />}>
                  <AuditPage />
                </Suspense>
              }
            />
            <Route
              path="/admin/*"
              element={
                <Suspense fallback={<LoadingState />}>
                  <AdminRoutes />
                </Suspense>
              }
            />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
