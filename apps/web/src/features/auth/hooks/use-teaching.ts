import { useQuery } from '@tanstack/react-query';
import { unwrap } from '@mre/api-client';
import type { Role } from '@mre/contracts';
import { useApi } from '@/shared/api/services.context';
import type { SessionUser } from './use-session';

/** Roles whose staff pages come with the role itself; anyone else gets them by teaching a cohort. */
const STAFF_ROLES: readonly Role[] = ['admin', 'coordinator', 'expert'];
const NONE: ReadonlySet<string> = new Set();

/**
 * Whether the person teaches a cohort though their role is not staff (a certified trainer holding
 * the trainee role): the API lists the cohorts someone teaches, and says what they may do in each.
 * `undefined` while it is not known yet.
 */
export function useTeachesCohorts(user: SessionUser | null): boolean | undefined {
  const taught = useTaughtCohortIds(user);
  return taught === undefined ? undefined : taught.size > 0;
}

/** The ids of the cohorts a non-staff person teaches (empty for staff roles); `undefined` while loading. */
export function useTaughtCohortIds(user: SessionUser | null): ReadonlySet<string> | undefined {
  const api = useApi();
  const asked = user !== null && !STAFF_ROLES.includes(user.role);
  const cohorts = useQuery({
    queryKey: ['cohorts', 'taught-by', user?.id],
    queryFn: () => unwrap(api.GET('/api/cohorts', { params: { query: { pageSize: 100 } } })),
    enabled: asked,
    staleTime: 5 * 60_000,
  });
  if (!user || !asked || cohorts.isError) return NONE;
  if (!cohorts.data) return undefined;
  return new Set(cohorts.data.items.filter((c) => c.teacherIds.includes(user.id)).map((c) => c.id));
}
