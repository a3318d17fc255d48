import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap, type Schemas } from '@mre/api-client';
import { useApi } from '@/shared/api/services.context';
import { ADMIN_PAGE_SIZE } from '@/shared/api/paging';
import { cohortKeys, type RosterFilters } from './cohorts.api';

export const ROSTER_PAGE_SIZE = ADMIN_PAGE_SIZE;

export function useRoster(cohortId: string, { q, page }: RosterFilters) {
  const api = useApi();
  return useQuery({
    queryKey: cohortKeys.roster(cohortId, { q, page }),
    queryFn: () =>
      unwrap(
        api.GET('/api/cohorts/{id}/enrollments', {
          params: { path: { id: cohortId }, query: { q: q || undefined, page, pageSize: ROSTER_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Enrolls a known trainee, or invites a new one by e-mail; the roster and the counts (also in lists) follow. */
export function useEnroll(cohortId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['EnrollDto']) =>
      unwrap(api.POST('/api/cohorts/{id}/enrollments', { params: { path: { id: cohortId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cohortKeys.all }),
  });
}

export function useWithdraw(cohortId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, reason }: { userId: string; reason?: string }) =>
      unwrap(
        api.DELETE('/api/cohorts/{id}/enrollments/{userId}', {
          params: { path: { id: cohortId, userId }, query: { reason } },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cohortKeys.all }),
  });
}
