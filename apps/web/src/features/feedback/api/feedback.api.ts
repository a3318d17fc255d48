import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, unwrap, type Schemas } from '@mre/api-client';
import { useApi } from '@/shared/api/services.context';
import { SAVED } from '@/shared/lib/flash';

export type Feedback = Schemas['FeedbackDto'];
export type FeedbackInput = Schemas['PutFeedbackDto'];
export type FeedbackSummary = Schemas['FeedbackSummaryDto'];

export const feedbackKeys = {
  mine: (sessionId: string) => ['feedback', sessionId, 'mine'] as const,
  summary: (sessionId: string, withAuthors = false) =>
    ['feedback', sessionId, withAuthors ? 'summary-with-authors' : 'summary'] as const,
};

/** The caller's answer, or null when they have not answered yet. */
export function useMyFeedback(sessionId: string, enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: feedbackKeys.mine(sessionId),
    enabled,
    retry: false,
    queryFn: async (): Promise<Feedback | null> => {
      try {
        return await unwrap(
          api.GET('/api/sessions/{id}/feedback/mine', { params: { path: { id: sessionId } } }),
        );
      } catch (error) {
        if (error instanceof ApiError && error.code === 'feedback-not-found') return null;
        throw error;
      }
    },
  });
}

export function useSaveFeedback(sessionId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    meta: SAVED,
    mutationFn: (body: FeedbackInput) =>
      unwrap(api.PUT('/api/sessions/{id}/feedback', { params: { path: { id: sessionId } }, body })),
    onSuccess: (saved) => queryClient.setQueryData(feedbackKeys.mine(sessionId), saved),
  });
}

/**
 * The aggregates the cohort's staff see (averages and comments from the anonymity threshold); with
 * `withAuthors` (admins), who wrote each comment. Each such look is audited by the API: asked once
 * per time the admin asks, never again by itself (no refetch on focus or reconnect), and not kept.
 */
export function useFeedbackSummary(sessionId: string, withAuthors = false) {
  const api = useApi();
  return useQuery({
    queryKey: feedbackKeys.summary(sessionId, withAuthors),
    retry: false,
    ...(withAuthors
      ? { staleTime: Infinity, gcTime: 0, refetchOnWindowFocus: false, refetchOnReconnect: false }
      : {}),
    queryFn: () =>
      unwrap(
        api.GET('/api/sessions/{id}/feedback', {
          params: { path: { id: sessionId }, ...(withAuthors ? { query: { withAuthors: true } } : {}) },
        }),
      ),
  });
}
