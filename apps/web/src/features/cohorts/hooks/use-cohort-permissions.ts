import type { Schemas } from '@mre/api-client';
import { useCurrentUser } from '../../auth/hooks/use-session';

/** What the API lets the signed-in user do with a cohort; the buttons follow it. */
export function useCohortPermissions(cohort: Pick<Schemas['CohortDto'], 'centreId'>) {
  const user = useCurrentUser();
  const isAdmin = user.role === 'admin';
  return {
    canEdit: isAdmin,
    // Enroll, withdraw and import: admins, and the coordinator of the cohort's centre.
    canManage: isAdmin || (user.role === 'coordinator' && user.centreId === cohort.centreId),
  };
}
