import { Alert } from '@mantine/core';
import { onlineManager, useQueryClient } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { formatInZone } from '@/shared/lib/zoned-time';

/**
 * Above the page when what it shows may be old: the browser is offline, or the server could not be
 * reached when the page asked again. Says when the oldest thing on the page was last fetched.
 */
export function OfflineNotice() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const cache = queryClient.getQueryCache();
  const subscribe = useCallback(
    (listener: () => void) => {
      const fromCache = cache.subscribe(listener);
      const fromNetwork = onlineManager.subscribe(listener);
      return () => {
        fromCache();
        fromNetwork();
      };
    },
    [cache],
  );
  // A string, so that React compares snapshots by value: `offline|unreachable` and the oldest time.
  const snapshot = useSyncExternalStore(subscribe, () => {
    const shown = cache.findAll({ type: 'active' }).filter((query) => query.state.data !== undefined);
    const unreachable = shown.some((query) => query.state.status === 'error');
    const state = !onlineManager.isOnline() ? 'offline' : unreachable ? 'unreachable' : 'online';
    const oldest = Math.min(...shown.map((query) => query.state.dataUpdatedAt).filter(Boolean));
    return `${state}|${Number.isFinite(oldest) ? oldest : ''}`;
  });
  const [state, oldest] = snapshot.split('|');
  if (state === 'online') return null;
  return (
    <Alert
      color="yellow"
      mb="md"
      title={t(state === 'offline' ? 'offline.offline' : 'offline.unreachable')}
      data-testid="offline-notice"
    >
      {oldest
        ? t('offline.lastUpdated', {
            time: formatInZone(new Date(Number(oldest)), i18n.language, user.timeZone, {
              dateStyle: 'medium',
              timeStyle: 'short',
            }),
          })
        : t('offline.nothingSaved')}
    </Alert>
  );
}
