import { Button, Center, Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert';

export function LoadingState() {
  const { t } = useTranslation();
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
