import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface VideoUnreachableProps {
  onRetry: () => void;
  retrying?: boolean;
  /** The browser has no network: the person's side, not the service's. */
  offline: boolean;
  /** When the next automatic attempt starts (ms), while online. */
  retryAt: number | null;
  now: number;
}

/**
 * Said plainly when the class cannot connect: whether the browser is offline or the service is down
 * (not blaming the person's connection for a server fault), the next automatic attempt counting
 * down, and a button to try at once.
 */
export function VideoUnreachable({ onRetry, retrying, offline, retryAt, now }: VideoUnreachableProps) {
  const { t } = useTranslation();
  const seconds = retryAt === null ? null : Math.max(0, Math.ceil((retryAt - now) / 1000));
  return (
    <Alert
      color={offline ? 'yellow' : 'red'}
      role="alert"
      title={offline ? t('classroom.unreachable.offlineTitle') : t('classroom.unreachable.title')}
      data-testid="video-unreachable"
      data-cause={offline ? 'offline' : 'service'}
    >
      {offline ? t('classroom.unreachable.offlineHint') : t('classroom.unreachable.hint')}
      {!offline && (
        <Text size="sm" mt="xs" aria-live="off" data-testid="video-retry-in">
          {retrying || seconds === null
            ? t('classroom.unreachable.retrying')
            : t('classroom.unreachable.retryIn', { seconds })}
        </Text>
      )}
      <Button
        display="block"
        mt="sm"
        color={offline ? 'yellow' : 'red'}
        variant="light"
        onClick={onRetry}
        loading={retrying}
        data-testid="video-retry"
      >
        {t('common.retry')}
      </Button>
    </Alert>
  );
}
