import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Said plainly when the browser cannot reach the video service, with a way to try again. */
export function VideoUnreachable({ onRetry, retrying }: { onRetry: () => void; retrying?: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" role="alert" title={t('classroom.unreachable.title')} data-testid="video-unreachable">
      {t('classroom.unreachable.hint')}
      <Button
        display="block"
        mt="sm"
        color="red"
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
