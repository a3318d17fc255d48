import { Button, Center, Group, Loader, Text } from '@mantine/core';
import { onlineManager } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert';

const isOnline = () => onlineManager.isOnline();
const subscribeOnline = (listener: () => void) => onlineManager.subscribe(listener);

/**
 * While a query loads. Offline, a query with nothing saved on the device waits for the connection
 * (TanStack Query pauses it): that is said instead of a spinner that would turn until then.
 */
export function LoadingState() {
  const { t } = useTranslation();
  const online = useSyncExternalStore(subscribeOnline, isOnline);
  if (!online)
    return (
      <Text c="dimmed" py="md" ta="center" role="status" data-testid="not-saved-offline">
        {t('offline.partNotSaved')}
      </Text>
    );
  return (
    <Center py="xl" role="status" data-testid="loading-state">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed">{t('common.loading')}</Text>
      </Group>
    </Center>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <ErrorAlert error={error} testId="error-state">
      {onRetry && (
        <Button mt="sm" size="xs" variant="light" color="red" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </ErrorAlert>
  );
}
