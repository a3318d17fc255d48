import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap, type Schemas } from '@mre/api-client';
import { useApi } from '@/shared/api/services.context';
import { SAVED } from '@/shared/lib/flash';

export type AttendanceRow = Schemas['AttendanceRowDto'];

const attendanceKey = (sessionId: string) => ['attendance', sessionId] as const;

export function useAttendance(sessionId: string) {
  const api = useApi();
  return useQuery({
    queryKey: attendanceKey(sessionId),
    queryFn: () => unwrap(api.GET('/api/sessions/{id}/attendance', { params: { path: { id: sessionId } } })),
  });
}

export function useCorrectAttendance(sessionId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    meta: SAVED,
    mutationFn: ({ userId, body }: { userId: string; body: Schemas['CorrectAttendanceDto'] }) =>
      unwrap(
        api.PUT('/api/sessions/{id}/attendance/{userId}', {
          params: { path: { id: sessionId, userId } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attendanceKey(sessionId) }),
  });
}

export function useCheckIn(sessionId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    meta: SAVED,
    mutationFn: (userId: string) =>
      unwrap(
        api.POST('/api/sessions/{id}/attendance/check-in', {
          params: { path: { id: sessionId } },
          body: { userId },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attendanceKey(sessionId) }),
  });
}
