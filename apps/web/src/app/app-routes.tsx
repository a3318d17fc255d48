import { lazy, useEffect } from 'react';
import { Route, Routes } from 'react-router';
import { LoginPage } from '@/features/auth/components/login-page';
import { RedirectIfSignedIn, RequireAuth } from '@/features/auth/components/require-auth';
import { PublicLayout } from '@/features/layout/components/public-layout';
import { later } from './later';

const AcceptInvitePage = lazy(() => import('@/features/auth/components/accept-invite-page'));
const VerifyPage = lazy(() => import('@/features/certificates/components/verify-page'));
const ForgotPasswordPage = lazy(() => import('@/features/auth/components/forgot-password-page'));
const ResetPasswordPage = lazy(() => import('@/features/auth/components/reset-password-page'));
const loadSignedInRoutes = () => import('./signed-in-routes');
const SignedInRoutes = lazy(loadSignedInRoutes);

/**
 * Downloads the pages behind the sign-in while the person types their password, once the sign-in
 * page has settled: the first page stays light, and the schedule does not wait after the submit.
 */
function PrefetchWhenIdle({ load }: { load: () => Promise<unknown> }) {
  useEffect(() => {
    const start = () => void load().catch(() => undefined); // a failed prefetch is retried on use
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(start, { timeout: 3000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(start, 1000);
    return () => clearTimeout(id);
  }, [load]);
  return null;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route element={<RedirectIfSignedIn />}>
          <Route
            path="/login"
            element={
              <>
                <LoginPage />
                <PrefetchWhenIdle load={loadSignedInRoutes} />
              </>
            }
          />
          <Route path="/forgot-password" element={later(<ForgotPasswordPage />)} />
        </Route>
        <Route path="/accept-invite" element={later(<AcceptInvitePage />)} />
        <Route path="/reset-password" element={later(<ResetPasswordPage />)} />
        {/* Public: anyone checks a certificate, signed in or not. */}
        <Route path="/verify/:code?" element={later(<VerifyPage />)} />
      </Route>
      <Route element={<RequireAuth />}>
        <Route path="*" element={later(<SignedInRoutes />)} />
      </Route>
    </Routes>
  );
}
