import { Alert, Group, Progress, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../shared/components/query-states';
import { importResultOf, isRunning, type ImportJob } from '../api/import.api';
import { ImportSummary } from './import-summary';

const COLORS = { waiting: 'gray', active: 'blue', completed: 'green', failed: 'red' } as const;

/** The job's progress bar while it runs, then its report, or why it failed. */
export function ImportJobStatus({ job }: { job: UseQueryResult<ImportJob> }) {
  const { t } = useTranslation();
  if (job.isError) return <ErrorState error={job.error} onRetry={() => void job.refetch()} />;
  const state = job.data?.state ?? 'waiting';
  const progress = job.data?.progress ?? 0;
  const percent = t('cohorts.import.percent', { value: progress });
  const result = importResultOf(job.data);

  return (
    <Stack gap="sm" data-testid="import-job" data-state={state}>
      <Group justify="space-between">
        <Text size="sm" fw={500} data-testid="import-state">
          {t(`cohorts.import.state.${state}`)}
        </Text>
        <Text size="sm" data-testid="import-progress-label">
          {percent}
        </Text>
      </Group>
      <Progress.Root size="xl" transitionDuration={200}>
        <Progress.Section
          value={progress}
          color={COLORS[state]}
          animated={isRunning(job.data) || job.isPending}
          aria-label={t('cohorts.import.progress')}
          data-testid="import-progress"
        >
          {progress >= 10 && <Progress.Label>{percent}</Progress.Label>}
        </Progress.Section>
      </Progress.Root>
      {job.data?.state === 'failed' && (
        <Alert color="red" role="alert" title={t('cohorts.import.failed')} data-testid="import-failed">
          {job.data.failureReason ?? t('errors.server')}
        </Alert>
      )}
      {result && <ImportSummary result={result} />}
    </Stack>
  );
}
