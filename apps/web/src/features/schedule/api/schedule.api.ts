import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { unwrap, type Schemas } from '@mre/api-client';
import { useApi } from '@/shared/api/services.context';
import { SAVED } from '@/shared/lib/flash';

export type LiveSession = Schemas['SessionDto'];

export const SCHEDULE_PAGE_SIZE = 20;
/** The largest page the API serves: the cohorts a person schedules for fit in it. */
const MAX_PAGE_SIZE = 100;

export const sessionKeys = {
  all: ['sessions'] as const,
  schedule: (page: number) => [...sessionKeys.all, 'schedule', page] as const,
  detail: (id: string) => [...sessionKeys.all, 'detail', id] as const,
};

/** The caller's coming sessions; without `from` the API starts at "now" on its own clock. */
export function useSchedule(page: number) {
  const api = useApi();
  return useQuery({
    queryKey: sessionKeys.schedule(page),
    queryFn: () =>
      unwrap(api.GET('/api/sessions', { params: { query: { page, pageSize: SCHEDULE_PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
}

/** How far back the past sessions go: a cohort's recent weeks. */
const PAST_DAYS = 120;

/**
 * The caller's sessions over by now, newest first (those of one cohort when given): up to the
 * largest page, which holds a cohort's recent weeks.
 */
export function usePastSessions(cohortId?: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...sessionKeys.all, 'past', cohortId ?? 'all'],
    queryFn: async () => {
      const now = Date.now();
      const list = await unwrap(
        api.GET('/api/sessions', {
          params: {
            query: {
              page: 1,
              pageSize: MAX_PAGE_SIZE,
              from: new Date(now - PAST_DAYS * 86_400_000).toISOString(),
              to: new Date(now).toISOString(),
              ...(cohortId ? { cohortId } : {}),
            },
          },
        }),
      );
      return list.items.filter((session) => Date.parse(session.endsAt) <= now).reverse();
    },
  });
}

/** The caller's own attendance in these past sessions, by session id. */
export function useMyAttendance(sessionIds: string[]) {
  const api = useApi();
  return useQuery({
    queryKey: [...sessionKeys.all, 'my-attendance', sessionIds],
    queryFn: () =>
      unwrap(api.GET('/api/me/attendance', { params: { query: { sessionIds: sessionIds.join(',') } } })),
    enabled: sessionIds.length > 0,
    select: (list) => new Map(list.items.map((row) => [row.sessionId, row])),
  });
}

/** A cohort's sessions from its first day on, in start order. */
export function useCohortSessions(cohortId: string, startsOn: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...sessionKeys.all, 'cohort', cohortId],
    queryFn: () =>
      unwrap(
        api.GET('/api/sessions', {
          params: {
            query: { page: 1, pageSize: MAX_PAGE_SIZE, cohortId, from: `${startsOn}T00:00:00Z` },
          },
        }),
      ),
  });
}

export function useLiveSession(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: sessionKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/sessions/{id}', { params: { path: { id } } })),
  });
}

/** The cohorts the caller can see, to name a session's cohort and to pick one when scheduling. */
export function useVisibleCohorts() {
  const api = useApi();
  return useQuery({
    queryKey: ['cohorts', 'all'],
    queryFn: () =>
      unwrap(api.GET('/api/cohorts', { params: { query: { page: 1, pageSize: MAX_PAGE_SIZE } } })),
    select: (list) => list.items,
  });
}

export function useCreateSessions() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ cohortId, body }: { cohortId: string; body: Schemas['CreateSessionsDto'] }) =>
      unwrap(api.POST('/api/cohorts/{id}/sessions', { params: { path: { id: cohortId } }, body })),
    // Said once the dialog has closed, as after the admin forms' saves.
    meta: SAVED,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
  });
}

export function useUpdateSession() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Schemas['UpdateSessionDto'] }) =>
      unwrap(api.PATCH('/api/sessions/{id}', { params: { path: { id } }, body })),
    meta: SAVED,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
  });
}

export function useCancelSession() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Schemas['CancelSessionDto'] }) =>
      unwrap(api.POST('/api/sessions/{id}/cancel', { params: { path: { id } }, body })),
    meta: SAVED,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
  });
}

/** How far back "recent sessions" go: recordings are kept longer, but a month covers a missed class. */
const RECENT_DAYS = 30;

/** The caller's sessions over in the last month, the latest first (with whether a recording can be watched). */
export function useRecentSessions() {
  const api = useApi();
  // Fixed for the page's life: a query key that moved with the clock would refetch every second.
  const [window] = useState(() => {
    const to = new Date();
    return { from: new Date(to.getTime() - RECENT_DAYS * 86_400_000).toISOString(), to: to.toISOString() };
  });
  return useQuery({
    queryKey: [...sessionKeys.all, 'recent', window.from] as const,
    queryFn: () =>
      unwrap(
        api.GET('/api/sessions', { params: { query: { ...window, page: 1, pageSize: MAX_PAGE_SIZE } } }),
      ),
    select: (list) =>
      list.items.filter((session) => Date.parse(session.endsAt) <= Date.parse(window.to)).reverse(),
  });
}
