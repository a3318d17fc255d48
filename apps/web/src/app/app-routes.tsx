import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { LoginPage } from '@/features/auth/components/login-page';
import { RedirectIfSignedIn, RequireAuth } from '@/features/auth/components/require-auth';
import { PublicLayout } from '@/features/layout/components/public-layout';
import { LoadingState } from '@/shared/components/query-states';

const AcceptInvitePage = lazy(() => import('@/features/auth/components/accept-invite-page'));
const VerifyPage = lazy(() => import('@/features/certificates/components/verify-page'));
const SignedInRoutes = lazy(() => import('./signed-in-routes'));

const later = (page: ReactNode) => <Suspense fallback={<LoadingState />}>{page}</Suspense>;

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route element={<RedirectIfSignedIn />}>
          <Route path="/login" element={<LoginPage />} />
        </Route>
        <Route path="/accept-invite" element={later(<AcceptInvitePage />)} />
        {/* Public: anyone checks a certificate, signed in or not. */}
        <Route path="/verify/:code?" element={later(<VerifyPage />)} />
      </Route>
      <Route element={<RequireAuth />}>
        <Route path="*" element={later(<SignedInRoutes />)} />
      </Route>
    </Routes>
  );
}
