import { useState } from 'react';
import { Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '@/shared/lib/format-percent';
import type { Schemas } from '@mre/api-client';
import { ActionsHeader } from '@/shared/components/actions-header';
import { ErrorAlert } from '@/shared/components/error-alert';
import { AdminTable } from '@/shared/components/admin-list';
import { isUnfinished, useJob } from '@/features/jobs/api/jobs.api';
import { JobProgress } from '@/features/jobs/components/job-progress';
import {
  certificateKeys,
  issueResultOf,
  useCohortCertificates,
  useDownloadCertificate,
  useIssueCertificates,
  type Certificate,
} from '../api/certificates.api';
import { useFormatDate } from '../hooks/use-format-date';
import { CertificateActions } from './certificate-actions';
import { CertificateStatusBadge } from './certificate-status-badge';
import { IssueSummary } from './issue-summary';
import { RevokeModal } from './revoke-modal';

interface CohortCertificatesProps {
  cohortId: string;
  minAttendancePercent: number;
  /** A passed final quiz is required too: the rule's text says so. */
  requiresFinalQuizPass: boolean;
  permissions: Pick<Schemas['CohortPermissionsDto'], 'issueCertificates' | 'revokeCertificates'>;
}

/** The cohort's certificates for its staff; admins issue them (by the cohort's rule) and revoke them. */
export function CohortCertificates({
  cohortId,
  minAttendancePercent,
  requiresFinalQuizPass,
  permissions,
}: CohortCertificatesProps) {
  const { t, i18n } = useTranslation();
  const formatDate = useFormatDate();
  const [page, setPage] = useState(1);
  const certificates = useCohortCertificates(cohortId, page);
  const download = useDownloadCertificate();
  const issue = useIssueCertificates(cohortId);
  const [jobId, setJobId] = useState<string | null>(null);
  // Once it has completed, the certificate lists are fetched again.
  const job = useJob(jobId, certificateKeys.all);
  const result = issueResultOf(job.data);
  const [revoking, setRevoking] = useState<Certificate | null>(null);
  const busy = issue.isPending || (jobId !== null && isUnfinished(job));

  const start = () => {
    setJobId(null);
    issue.mutate(undefined, { onSuccess: (started) => setJobId(started.jobId) });
  };

  return (
    <Paper withBorder p="md" data-testid="cohort-certificates">
      <Stack>
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Title order={2}>{t('certificates.cohort.title')}</Title>
            <Text size="sm" c="dimmed" data-testid="certificates-rule">
              {t(
                requiresFinalQuizPass ? 'certificates.cohort.ruleWithFinalQuiz' : 'certificates.cohort.rule',
                {
                  percent: formatPercent(minAttendancePercent / 100, i18n.language),
                },
              )}
            </Text>
          </Stack>
          {permissions.issueCertificates && (
            <Button onClick={start} loading={busy} data-testid="certificates-issue">
              {t('certificates.issue.start')}
            </Button>
          )}
        </Group>
        {issue.error != null && <ErrorAlert error={issue.error} testId="certificates-issue-error" />}
        {jobId !== null && (
          <JobProgress
            job={job}
            texts={{
              state: (state) => t(`certificates.issue.state.${state}`),
              progress: t('certificates.issue.progress'),
            }}
            testId="issue"
          >
            {result && <IssueSummary result={result} />}
          </JobProgress>
        )}
        {download.error != null && <ErrorAlert error={download.error} testId="certificate-download-error" />}
        <AdminTable
          query={certificates}
          page={page}
          onPageChange={setPage}
          emptyTitle={t('certificates.cohort.empty')}
          testId="cohort-certificate-table"
          head={
            <>
              <Table.Th>{t('certificates.fields.holder')}</Table.Th>
              <Table.Th>{t('certificates.fields.code')}</Table.Th>
              <Table.Th>{t('certificates.fields.issuedAt')}</Table.Th>
              <Table.Th>{t('fields.status')}</Table.Th>
              <ActionsHeader />
            </>
          }
          row={(certificate) => (
            <Table.Tr key={certificate.id} data-testid="cohort-certificate-row">
              <Table.Td>
                <bdi data-testid="certificate-holder">{certificate.holderName}</bdi>
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace" dir="ltr" data-testid="certificate-code">
                  {certificate.code}
                </Text>
              </Table.Td>
              <Table.Td>{formatDate(certificate.issuedAt)}</Table.Td>
              <Table.Td>
                <CertificateStatusBadge status={certificate.status} />
                {certificate.revocationReason && (
                  <Text size="xs" c="dimmed" dir="auto">
                    {certificate.revocationReason}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <CertificateActions
                  certificate={certificate}
                  download={download}
                  onRevoke={permissions.revokeCertificates ? () => setRevoking(certificate) : undefined}
                />
              </Table.Td>
            </Table.Tr>
          )}
        />
      </Stack>
      {revoking && <RevokeModal certificate={revoking} onClose={() => setRevoking(null)} />}
    </Paper>
  );
}
