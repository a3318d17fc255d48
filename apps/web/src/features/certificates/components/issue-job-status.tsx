import { Alert, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../shared/components/query-states';
import { isRunning } from '../../cohorts/api/import.api';
import { issueResultOf, type CertificateJob } from '../api/certificates.api';

const COLORS = { waiting: 'gray', active: 'blue', completed: 'green', failed: 'red' } as const;

/** The issuing job's progress while it runs, then how many were issued and why others were not. */
export function IssueJobStatus({ job }: { job: UseQueryResult<CertificateJob> }) {
  const { t } = useTranslation();
  if (job.isError) return <ErrorState error={job.error} onRetry={() => void job.refetch()} />;
  const state = job.data?.state ?? 'waiting';
  const progress = job.data?.progress ?? 0;
  const result = issueResultOf(job.data);

  return (
    <Stack gap="sm" data-testid="issue-job" data-state={state}>
      <Group justify="space-between">
        <Text size="sm" fw={500} data-testid="issue-state">
          {t(`certificates.issue.state.${state}`)}
        </Text>
        <Text size="sm">{t('cohorts.import.percent', { value: progress })}</Text>
      </Group>
      <Progress
        value={progress}
        color={COLORS[state]}
        size="lg"
        animated={isRunning(job.data) || job.isPending}
        aria-label={t('certificates.issue.progress')}
        data-testid="issue-progress"
      />
      {job.data?.state === 'failed' && (
        <Alert
          color="red"
          role="alert"
          title={t('certificates.issue.state.failed')}
          data-testid="issue-failed"
        >
          {job.data.failureReason ?? t('errors.server')}
        </Alert>
      )}
      {result && (
        <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="issue-summary">
          {(['issued', 'alreadyIssued', 'notEligible', 'heldSessions'] as const).map((name) => (
            <Stack key={name} gap={0}>
              <Text size="xs" c="dimmed">
                {t(`certificates.issue.result.${name}`)}
              </Text>
              <Text fw={700} data-testid={`issue-${name}`}>
                {result[name]}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
