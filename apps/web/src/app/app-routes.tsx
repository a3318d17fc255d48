import { lazy, useEffect } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { RedirectIfSignedIn, RequireAuth } from '@/features/auth/components/require-auth';
import { PublicLayout } from '@/features/layout/components/public-layout';
import { withAllTexts } from '@/i18n/i18n';
import { later } from './later';
import { loadSignedInRoutes, preloadSignedIn } from './signed-in-pages';

// The sign-in form and its fields are a chunk of their own (`sign-in`): a signed-in start does not
// download them. The API sends that chunk with the page to whoever is not signed in (configure-app.ts).
const LoginPage = lazy(() =>
  import('@/features/auth/components/login-page').then((m) => ({ default: m.LoginPage })),
);
// Outside the first screens: each waits for the rest of its language (first-texts.ts).
const AcceptInvitePage = lazy(withAllTexts(() => import('@/features/auth/components/accept-invite-page')));
const VerifyPage = lazy(withAllTexts(() => import('@/features/certificates/components/verify-page')));
const ForgotPasswordPage = lazy(
  withAllTexts(() => import('@/features/auth/components/forgot-password-page')),
);
const ResetPasswordPage = lazy(withAllTexts(() => import('@/features/auth/components/reset-password-page')));
const SignedInRoutes = lazy(loadSignedInRoutes);

/**
 * Downloads the page behind the sign-in that the person will land on (the one they were turned
 * away from, or a trainee's home) while they type their password, once the sign-in page has
 * settled: the first page stays light, and that page does not wait after the submit.
 */
function PrefetchWhenIdle() {
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/';
  useEffect(() => {
    // `/` sends each role to its home; most who sign in are trainees.
    const start = () => preloadSignedIn(from === '/' ? '/home' : from.split('?')[0]);
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(start, { timeout: 3000 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(start, 1000);
    return () => clearTimeout(id);
  }, [from]);
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
                {later(<LoginPage />)}
                <PrefetchWhenIdle />
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
