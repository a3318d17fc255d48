import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap, type Schemas } from '@mre/api-client';
import type { RecordingOutput } from '@mre/contracts';
import { useApi } from '@/shared/api/services.context';

export type Recording = Schemas['RecordingDto'];
export type PlaybackLink = Schemas['PlaybackLinkDto'];

export const recordingKeys = {
  ofSession: (sessionId: string) => ['recordings', 'session', sessionId] as const,
};

export function useSessionRecordings(sessionId: string) {
  const api = useApi();
  return useQuery({
    queryKey: recordingKeys.ofSession(sessionId),
    queryFn: () => unwrap(api.GET('/api/sessions/{id}/recordings', { params: { path: { id: sessionId } } })),
    select: (list) => list.items,
  });
}

/** A URL the player loads from (with ranges); asked for only when someone presses play: it counts a view. */
export function usePlaybackLink() {
  const api = useApi();
  return useMutation({
    mutationFn: ({ id, output }: { id: string; output: RecordingOutput }) =>
      unwrap(api.GET('/api/recordings/{id}/{output}/link', { params: { path: { id, output } } })),
  });
}

export function useDeleteRecording(sessionId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/recordings/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recordingKeys.ofSession(sessionId) }),
  });
}
