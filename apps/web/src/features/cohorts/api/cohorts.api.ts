import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap, type Schemas } from '@mre/api-client';
import type { CohortKind } from '@mre/contracts';
import { useApi } from '@/shared/api/services.context';
import { SAVED } from '@/shared/lib/flash';

export interface CohortFilters {
  courseId?: string;
  centreId?: string;
  kind?: CohortKind;
  q?: string;
  page: number;
  pageSize: number;
}

export interface RosterFilters {
  q?: string;
  page: number;
}

/** Rosters hang below their cohort's key, so refreshing a cohort refreshes its roster too. */
export const cohortKeys = {
  all: ['cohorts'] as const,
  list: (filters: CohortFilters) => [...cohortKeys.all, 'list', filters] as const,
  detail: (id: string) => [...cohortKeys.all, 'detail', id] as const,
  roster: (id: string, filters: RosterFilters) => [...cohortKeys.detail(id), 'roster', filters] as const,
};

/** The largest page the API serves: enough for the experts and courses of one programme. */
const MAX_PAGE_SIZE = 100;

export function useCohorts(filters: CohortFilters) {
  const api = useApi();
  return useQuery({
    queryKey: cohortKeys.list(filters),
    queryFn: () => unwrap(api.GET('/api/cohorts', { params: { query: withoutBlanks(filters) } })),
    placeholderData: keepPreviousData,
  });
}

export function useCohort(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: cohortKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/cohorts/{id}', { params: { path: { id } } })),
  });
}

export type SaveCohortInput =
  { id: string; body: Schemas['UpdateCohortDto'] } | { id?: undefined; body: Schemas['CreateCohortDto'] };

/** Creates the cohort, or updates it when `id` is given. */
export function useSaveCohort() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    meta: SAVED,
    mutationFn: (input: SaveCohortInput) =>
      unwrap(
        input.id !== undefined
          ? api.PATCH('/api/cohorts/{id}', { params: { path: { id: input.id } }, body: input.body })
          : api.POST('/api/cohorts', { body: input.body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cohortKeys.all }),
  });
}

/** The people who may teach a cohort. */
export function useExperts() {
  const api = useApi();
  return useQuery({
    queryKey: ['users', { role: 'expert', page: 1, pageSize: MAX_PAGE_SIZE }],
    queryFn: () =>
      unwrap(
        api.GET('/api/users', { params: { query: { role: 'expert', page: 1, pageSize: MAX_PAGE_SIZE } } }),
      ),
    select: (list) => list.items,
  });
}

/** Every course an admin may open a cohort of. */
export function useCourseOptions() {
  const api = useApi();
  return useQuery({
    queryKey: ['courses', 'options'],
    queryFn: () =>
      unwrap(api.GET('/api/courses', { params: { query: { page: 1, pageSize: MAX_PAGE_SIZE } } })),
    select: (list) => list.items,
  });
}

/** The API rejects empty strings where it expects a UUID or a kind, so unset filters are left out. */
function withoutBlanks<T extends object>(filters: T): T {
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined && value !== ''),
  ) as T;
}
