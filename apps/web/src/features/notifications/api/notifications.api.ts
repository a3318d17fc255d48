import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { unwrap, type Schemas } from '@mre/api-client';
import { useApi } from '@/shared/api/services.context';

export type AppNotification = Schemas['NotificationDto'];

/** How often the bell asks for news: reminders come 24 h and 15 min ahead, so a minute is soon enough. */
export const NOTIFICATIONS_POLL_MS = 60_000;
/** While the live stream is up it brings the news: a rare poll only covers a change it missed. */
export const NOTIFICATIONS_LIVE_POLL_MS = 10 * 60_000;
/** The newest ones, as many as the popover shows. */
const LATEST = { page: 1, pageSize: 20 };

export const notificationKeys = { latest: ['notifications', 'latest'] as const };

/** `live`: the stream is up (useNotificationStream), so polling slows down. */
export function useNotifications(live = false) {
  const api = useApi();
  return useQuery({
    queryKey: notificationKeys.latest,
    queryFn: () => unwrap(api.GET('/api/me/notifications', { params: { query: LATEST } })),
    refetchInterval: live ? NOTIFICATIONS_LIVE_POLL_MS : NOTIFICATIONS_POLL_MS,
  });
}

export function useMarkAllRead() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/me/notifications/read', { body: {} })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.latest }),
  });
}

export type NoticePreference = Schemas['NotificationPreferenceDto'];
export type EmailMode = NoticePreference['email'];

const preferencesKey = ['notifications', 'preferences'] as const;

export function useNoticePreferences() {
  const api = useApi();
  return useQuery({
    queryKey: preferencesKey,
    queryFn: () => unwrap(api.GET('/api/me/notification-preferences')),
  });
}

/** Saves one kind's choice; the answer (every kind) replaces the list shown. */
export function useSetNoticePreference() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { kind: NoticePreference['kind']; email: EmailMode }) =>
      unwrap(api.PUT('/api/me/notification-preferences', { body: { items: [change] } })),
    onSuccess: (list) => queryClient.setQueryData(preferencesKey, list),
  });
}
