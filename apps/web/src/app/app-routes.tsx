import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AcceptInvitePage } from '../features/auth/components/accept-invite-page';
import { LoginPage } from '../features/auth/components/login-page';
import { RedirectIfSignedIn, RequireAuth } from '../features/auth/components/require-auth';
import { CatalogPage } from '../features/catalog/components/catalog-page';
import { CoursePage } from '../features/catalog/components/course-page';
import { AppLayout } from '../features/layout/components/app-layout';
import { ADMIN_ONLY } from '../features/layout/components/nav-links';
import { NotFoundPage } from '../features/layout/components/not-found-page';
import { PublicLayout } from '../features/layout/components/public-layout';
import { ProfilePage } from '../features/profile/components/profile-page';
import { LoadingState } from '../shared/components/query-states';

const AdminRoutes = lazy(() => import('../features/admin/components/admin-routes'));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route element={<RedirectIfSignedIn />}>
          <Route path="/login" element={<LoginPage />} />
        </Route>
        <Route path="/accept-invite" element={<AcceptInvitePage />} />
      </Route>
      <Route element={<RequireAuth />}>
        <Route element={<AppLayout />}>
          <Route index element={<Navigate to="/courses" replace />} />
          <Route path="/courses" element={<CatalogPage />} />
          <Route path="/courses/:id" element={<CoursePage />} />
          <Route path="/profile" element={<ProfilePage />} />
          <Route element={<RequireAuth roles={ADMIN_ONLY} />}>
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
