import { useMutation, useQuery } from '@tanstack/react-query';
import { ApiError, unwrap, type Schemas } from '@mre/api-client';
import { useServices } from '@/shared/api/services.context';

export type CalendarFeed = Schemas['CalendarFeedDto'];

const FEED_KEY = ['me', 'calendar-feed'] as const;

/** The person's calendar feed; null when they have none yet (the API answers 404). */
export function useMyCalendarFeed() {
  const { api } = useServices();
  return useQuery({
    queryKey: FEED_KEY,
    queryFn: async (): Promise<CalendarFeed | null> => {
      try {
        return await unwrap(api.GET('/api/me/calendar-feed'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

/** Creates the feed, or gives it a new URL (the old one stops working). */
export function useResetCalendarFeed() {
  const { api, queryClient } = useServices();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/me/calendar-feed')),
    onSuccess: (feed) => queryClient.setQueryData(FEED_KEY, feed),
  });
}

/** Turns the feed off: its URL stops working. */
export function useRevokeCalendarFeed() {
  const { api, queryClient } = useServices();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/me/calendar-feed')),
    onSuccess: () => queryClient.setQueryData(FEED_KEY, null),
  });
}

/** A feed URL narrowed to one cohort's sessions (the API's `?cohort=`). */
export function cohortFeedUrl(url: string, cohortId: string): string {
  return `${url}?cohort=${encodeURIComponent(cohortId)}`;
}
