import type { ReactNode } from 'react';
import { Alert, Group, Progress, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '@/shared/lib/format-percent';
import type { JobState } from '@mre/contracts';
import { ErrorState } from '@/shared/components/query-states';
import { isUnfinished, type Job } from '../api/jobs.api';

const COLORS = { waiting: 'gray', active: 'blue', completed: 'green', failed: 'red' } as const;

interface JobProgressProps {
  job: UseQueryResult<Job>;
  /** What this kind of job calls its states (the failed one also heads the failure) and its progress bar. */
  texts: { state: (state: JobState) => string; progress: string };
  /** Prefix of the test ids: `<testId>-job`, `-state`, `-progress`, `-progress-label`, `-failed`. */
  testId: string;
  /** The job's report, once it has one. */
  children?: ReactNode;
}

/** A job's progress bar while it runs, then its report, or why it failed. */
export function JobProgress({ job, texts, testId, children }: JobProgressProps) {
  const { t, i18n } = useTranslation();
  if (job.isError) return <ErrorState error={job.error} onRetry={() => void job.refetch()} />;
  const state = job.data?.state ?? 'waiting';
  const progress = job.data?.progress ?? 0;
  const percent = formatPercent(progress / 100, i18n.language);

  return (
    <Stack gap="sm" data-testid={`${testId}-job`} data-state={state}>
      <Group justify="space-between">
        <Text size="sm" fw={500} data-testid={`${testId}-state`}>
          {texts.state(state)}
        </Text>
        <Text size="sm" data-testid={`${testId}-progress-label`}>
          {percent}
        </Text>
      </Group>
      <Progress.Root size="xl" transitionDuration={200}>
        <Progress.Section
          value={progress}
          color={COLORS[state]}
          animated={isUnfinished(job)}
          aria-label={texts.progress}
          data-testid={`${testId}-progress`}
        >
          {progress >= 10 && <Progress.Label>{percent}</Progress.Label>}
        </Progress.Section>
      </Progress.Root>
      {job.data?.state === 'failed' && (
        <Alert color="red" role="alert" title={texts.state('failed')} data-testid={`${testId}-failed`}>
          {job.data.failureReason ?? t('errors.server')}
        </Alert>
      )}
      {children}
    </Stack>
  );
}
