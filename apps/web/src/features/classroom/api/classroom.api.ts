import { useMutation, useQuery } from '@tanstack/react-query';
import { unwrap, type Schemas } from '@mre/api-client';
import { useApi } from '@/shared/api/services.context';

export type JoinGrant = Schemas['JoinResponseDto'];

export function useJoinSession(sessionId: string) {
  const api = useApi();
  return useMutation({
    // A refusal's code says why; a 425's details say when the class opens.
    mutationFn: (): Promise<JoinGrant> =>
      unwrap(api.POST('/api/sessions/{id}/join', { params: { path: { id: sessionId } } })),
  });
}

export function useCohort(id: string | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: ['cohorts', 'detail', id],
    queryFn: () => unwrap(api.GET('/api/cohorts/{id}', { params: { path: { id: id as string } } })),
    enabled: Boolean(id),
  });
}

type ParticipantAction = 'mute' | 'remove' | 'readmit';

/** Host moderation; the answer says whether LiveKit applied it in the room right away. */
export function useParticipantAction(sessionId: string, action: ParticipantAction) {
  const api = useApi();
  return useMutation({
    mutationFn: (userId: string) => {
      const params = { params: { path: { id: sessionId, userId } } };
      switch (action) {
        case 'mute':
          return unwrap(api.POST('/api/sessions/{id}/participants/{userId}/mute', params));
        case 'remove':
          return unwrap(api.POST('/api/sessions/{id}/participants/{userId}/remove', params));
        case 'readmit':
          return unwrap(api.POST('/api/sessions/{id}/participants/{userId}/readmit', params));
      }
    },
  });
}

export function useRecordingControl(sessionId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: (command: 'start' | 'stop') => {
      const params = { params: { path: { id: sessionId } } };
      return unwrap(
        command === 'start'
          ? api.POST('/api/sessions/{id}/recording/start', params)
          : api.POST('/api/sessions/{id}/recording/stop', params),
      );
    },
  });
}
