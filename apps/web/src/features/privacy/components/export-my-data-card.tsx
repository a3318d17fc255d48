import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/shared/components/error-alert';
import { useExportMyData } from '../api/privacy.api';

/** The profile's "Export my data": a ZIP of everything held about the person, with a summary in their language. */
export function ExportMyDataCard() {
  const { t } = useTranslation();
  const exportData = useExportMyData();
  return (
    <Card withBorder data-testid="export-my-data">
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h3">
          {t('profile.export.title')}
        </Title>
        <Text size="sm">{t('profile.export.intro')}</Text>
        {exportData.isError && <ErrorAlert error={exportData.error} />}
        {exportData.isSuccess && (
          <Alert color="green" role="status" data-testid="export-my-data-done">
            {t('profile.export.done')}
          </Alert>
        )}
        <Button
          variant="light"
          loading={exportData.isPending}
          onClick={() => exportData.mutate()}
          data-testid="export-my-data-button"
        >
          {t('profile.export.button')}
        </Button>
      </Stack>
    </Card>
  );
}
