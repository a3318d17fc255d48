import { useState } from 'react';
import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ActionsHeader } from '@/shared/components/actions-header';
import { ErrorAlert } from '@/shared/components/error-alert';
import { useLocalize } from '@/shared/hooks/use-localize';
import { AdminTable } from '@/shared/components/admin-list';
import { useDownloadCertificate, useMyCertificates } from '../api/certificates.api';
import { useFormatDate } from '../hooks/use-format-date';
import { CertificateActions } from './certificate-actions';
import { CertificateStatusBadge } from './certificate-status-badge';

/** The signed-in person's certificates, to download and show an employer. */
export function MyCertificates() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const formatDate = useFormatDate();
  const [page, setPage] = useState(1);
  const certificates = useMyCertificates(page);
  const download = useDownloadCertificate();

  return (
    <Stack data-testid="my-certificates">
      <Title order={2}>{t('certificates.mine.title')}</Title>
      {download.error != null && <ErrorAlert error={download.error} testId="certificate-download-error" />}
      <AdminTable
        query={certificates}
        page={page}
        onPageChange={setPage}
        emptyTitle={t('certificates.mine.empty')}
        testId="my-certificate-table"
        head={
          <>
            <Table.Th>{t('certificates.fields.course')}</Table.Th>
            <Table.Th>{t('certificates.fields.cohort')}</Table.Th>
            <Table.Th>{t('certificates.fields.issuedAt')}</Table.Th>
            <Table.Th>{t('fields.status')}</Table.Th>
            <ActionsHeader />
          </>
        }
        row={(certificate) => (
          <Table.Tr key={certificate.id} data-testid="my-certificate-row">
            <Table.Td>
              <Text size="sm" dir="auto">
                {localize(certificate.courseTitle)}
              </Text>
            </Table.Td>
            <Table.Td>
              <bdi>{certificate.cohortName}</bdi>
            </Table.Td>
            <Table.Td>{formatDate(certificate.issuedAt)}</Table.Td>
            <Table.Td>
              <CertificateStatusBadge status={certificate.status} />
            </Table.Td>
            <Table.Td>
              <CertificateActions certificate={certificate} download={download} />
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}
