import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '@mre/contracts';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useSession } from '../hooks/use-session';
import { useTeachesCohorts } from '../hooks/use-teaching';
import { useTwoFactorSetupRedirect } from '../hooks/use-two-factor-setup-redirect';

interface RequireAuthProps {
  roles?: readonly Role[];
  /** Also lets in whoever teaches a cohort, whatever their role (the API decides per cohort). */
  orTeacher?: boolean;
}

/** Guards the routes below it: signed in, and with one of `roles` (or teaching, with `orTeacher`) when given. */
export function RequireAuth({ roles, orTeacher = false }: RequireAuthProps) {
  const session = useSession();
  const location = useLocation();
  useTwoFactorSetupRedirect();
  const byRole = session.status === 'signed-in' && (!roles || roles.includes(session.user.role));
  const teaches = useTeachesCohorts(
    orTeacher && !byRole && session.status === 'signed-in' ? session.user : null,
  );

  switch (session.status) {
    case 'anonymous':
      return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
    case 'loading':
      return <LoadingState />;
    case 'error':
      return <ErrorState error={session.error} onRetry={session.retry} />;
    case 'signed-in':
      if (byRole || teaches) return <Outlet />;
      return teaches === undefined ? <LoadingState /> : <Navigate to="/" replace />;
  }
}

/** Sends a signed-in user from the sign-in page to the page <RequireAuth> turned them away from. */
export function RedirectIfSignedIn() {
  const session = useSession();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  return session.status === 'signed-in' ? <Navigate to={from} replace /> : <Outlet />;
}
