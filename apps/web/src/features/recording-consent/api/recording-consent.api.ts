import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@mre/api-client';
import { RECORDING_CONSENT_TEXT_VERSION, type RecordingConsentChoice } from '@mre/contracts';
import { useApi } from '@/shared/api/services.context';

const consentKeys = {
  cohort: (cohortId: string) => ['recording-consent', 'cohort', cohortId] as const,
  session: (sessionId: string) => ['recording-consent', 'session', sessionId] as const,
};

/** The cohort's recording notice and the caller's answer to it. */
export function useCohortRecordingConsent(cohortId: string) {
  const api = useApi();
  return useQuery({
    queryKey: consentKeys.cohort(cohortId),
    queryFn: () =>
      unwrap(api.GET('/api/cohorts/{id}/recording-consent', { params: { path: { id: cohortId } } })),
  });
}

/** The caller's answer, to the wording this app shows (its version goes with it). */
export function useAnswerRecordingConsent(cohortId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (choice: RecordingConsentChoice) =>
      unwrap(
        api.PUT('/api/cohorts/{id}/recording-consent', {
          params: { path: { id: cohortId } },
          body: { choice, textVersion: RECORDING_CONSENT_TEXT_VERSION },
        }),
      ),
    onSuccess: (answer) => queryClient.setQueryData(consentKeys.cohort(cohortId), answer),
  });
}

/** For a session's hosts: who objected to being recorded. */
export function useSessionRecordingConsent(sessionId: string) {
  const api = useApi();
  return useQuery({
    queryKey: consentKeys.session(sessionId),
    queryFn: () =>
      unwrap(api.GET('/api/sessions/{id}/recording-consent', { params: { path: { id: sessionId } } })),
    // Answers can come in while the host waits in the room.
    refetchInterval: 60_000,
  });
}
