import { Navigate } from 'react-router';
import type { Role } from '@mre/contracts';
import { useCurrentUser } from '@/features/auth/hooks/use-session';

/** Where each role lands after signing in: what they come for most days. */
export const HOME_OF: Record<Role, string> = {
  admin: '/admin/dashboard',
  coordinator: '/courses',
  // An expert comes to teach: their sessions (with the join button) first, not the whole catalogue.
  expert: '/schedule',
  trainee: '/home',
};

export function HomeRedirect() {
  const { role } = useCurrentUser();
  return <Navigate to={HOME_OF[role]} replace />;
}
