import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '@mre/contracts';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useSession } from '../hooks/use-session';

/** Guards the routes below it: signed in, and with one of `roles` when given. */
export function RequireAuth({ roles }: { roles?: readonly Role[] }) {
  const session = useSession();
  const location = useLocation();

  switch (session.status) {
    case 'anonymous':
      return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
    case 'loading':
      return <LoadingState />;
    case 'error':
      return <ErrorState error={session.error} onRetry={session.retry} />;
    case 'signed-in':
      return !roles || roles.includes(session.user.role) ? <Outlet /> : <Navigate to="/" replace />;
  }
}

/** Sends a signed-in user from the sign-in page to the page <RequireAuth> turned them away from. */
export function RedirectIfSignedIn() {
  const session = useSession();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  return session.status === 'signed-in' ? <Navigate to={from} replace /> : <Outlet />;
}
