import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@mre/api-client';
import { readEventStream } from '@/shared/api/event-stream';
import { useApi } from '@/shared/api/services.context';
import { sessionKeys } from '@/features/schedule/api/schedule.api';
import { notificationKeys } from '../api/notifications.api';

/** Waits before reconnecting after a failure: 1 s, 2 s, 4 s… up to a minute, with some jitter. */
const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 60_000;

function retryDelay(failures: number): number {
  const base = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** (failures - 1));
  return base / 2 + Math.random() * (base / 2);
}

/**
 * The bell's live line to the API (GET /me/notifications/stream, through the API client, so the
 * token goes in a header and is refreshed like any call's). Each `unread` event that differs from
 * the count shown refreshes the bell's list. A stream the server ends (its lifetime) is reopened at
 * once; after a failure it is tried again with growing delays. Answers whether the stream is up: the
 * bell then polls rarely, and at its usual pace while it is down.
 */
export function useNotificationStream(): boolean {
  const api = useApi();
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    let failures = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const onUnread = (unread: number) => {
      const shown = queryClient.getQueryData<Schemas['NotificationListDto']>(notificationKeys.latest);
      if (shown?.unread === unread) return;
      void queryClient.invalidateQueries({ queryKey: notificationKeys.latest });
      // New notices tell of sessions moved or cancelled: a schedule on screen follows them.
      if (shown && unread > shown.unread) void queryClient.invalidateQueries({ queryKey: sessionKeys.all });
    };

    const connect = async () => {
      try {
        const { data, response } = await api.GET('/api/me/notifications/stream', {
          parseAs: 'stream',
          signal: abort.signal,
        });
        if (!response.ok || !data) throw new Error(`stream answered ${response.status}`);
        failures = 0;
        setLive(true);
        await readEventStream(data, ({ event, data: payload }) => {
          const unread = (payload as { unread?: unknown }).unread;
          if (event === 'unread' && typeof unread === 'number') onUnread(unread);
        });
        if (!abort.signal.aborted) timer = setTimeout(() => void connect(), 0);
      } catch {
        if (abort.signal.aborted) return;
        failures += 1;
        setLive(false);
        timer = setTimeout(() => void connect(), retryDelay(failures));
      }
    };
    void connect();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [api, queryClient]);

  return live;
}
