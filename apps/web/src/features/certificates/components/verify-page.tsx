import { useState } from 'react';
import { Alert, Button, Container, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '@mre/api-client';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useLocalize } from '@/shared/hooks/use-localize';
import { usePublicCertificate, type PublicCertificate } from '../api/certificates.api';
import { useFormatDate } from '../hooks/use-format-date';
import { CertificateStatusBadge } from './certificate-status-badge';

/** The public page the QR code leads to: anyone checks a certificate by its code, without an account. */
export default function VerifyPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  return (
    <Container size="sm" py="md">
      <Stack>
        <Title order={1}>{t('certificates.verify.title')}</Title>
        <Text c="dimmed">{t('certificates.verify.intro')}</Text>
        {/* Keyed by the code: following another link shows that code in the field. */}
        <VerifyForm key={code} initial={code} />
        {code && <VerificationResult code={code} />}
      </Stack>
    </Container>
  );
}

function VerifyForm({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState(initial);
  const code = value.trim();
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (code) void navigate(`/verify/${encodeURIComponent(code)}`);
  };
  return (
    <form onSubmit={submit}>
      <Group align="flex-end">
        <TextInput
          label={t('certificates.verify.code')}
          placeholder={t('certificates.verify.codePlaceholder')}
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          style={{ flex: 1 }}
          data-testid="verify-code"
        />
        <Button type="submit" disabled={!code} data-testid="verify-submit">
          {t('certificates.verify.submit')}
        </Button>
      </Group>
    </form>
  );
}

function VerificationResult({ code }: { code: string }) {
  const { t } = useTranslation();
  const certificate = usePublicCertificate(code);
  if (certificate.isPending) return <LoadingState />;
  if (certificate.isError) {
    if (certificate.error instanceof ApiError && certificate.error.status === 404)
      return (
        <Alert color="orange" title={t('certificates.verify.unknownTitle')} data-testid="verify-unknown">
          {t('certificates.verify.unknown')}
        </Alert>
      );
    return <ErrorState error={certificate.error} onRetry={() => void certificate.refetch()} />;
  }
  return <CertificateCard code={code} certificate={certificate.data} />;
}

function CertificateCard({ code, certificate }: { code: string; certificate: PublicCertificate }) {
  const { t } = useTranslation();
  // Withdrawn at the holder's request (their data was erased): the page names nobody.
  if (certificate.status === 'withdrawn')
    return (
      <Paper withBorder p="lg" data-testid="verify-result" data-status={certificate.status}>
        <Alert color="gray" title={t('certificates.verify.withdrawnTitle')} data-testid="verify-withdrawn">
          {t('certificates.verify.withdrawn')}
        </Alert>
      </Paper>
    );
  return <IssuedCertificateCard code={code} certificate={certificate} />;
}

function IssuedCertificateCard({ code, certificate }: { code: string; certificate: PublicCertificate }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const formatDate = useFormatDate();
  const revoked = certificate.status === 'revoked';
  const rows = [
    { key: 'holder', label: t('certificates.fields.holder'), value: certificate.holderName },
    { key: 'course', label: t('certificates.fields.course'), value: localize(certificate.courseTitle) },
    { key: 'cohort', label: t('certificates.fields.cohort'), value: certificate.cohortName },
    { key: 'issued', label: t('certificates.fields.issuedAt'), value: formatDate(certificate.issuedAt) },
    { key: 'code', label: t('certificates.fields.code'), value: code },
  ];

  return (
    <Paper withBorder p="lg" data-testid="verify-result" data-status={certificate.status}>
      <Stack>
        {revoked ? (
          <Alert
            color="red"
            variant="filled"
            title={t('certificates.verify.revokedTitle')}
            data-testid="verify-revoked"
          >
            {t('certificates.verify.revoked')}
          </Alert>
        ) : (
          <Alert
            color="green"
            variant="light"
            title={t('certificates.verify.validTitle')}
            data-testid="verify-valid"
          >
            {t('certificates.verify.valid')}
          </Alert>
        )}
        <Group justify="space-between">
          <Title order={2} dir="auto" data-testid="verify-holder">
            {certificate.holderName}
          </Title>
          <CertificateStatusBadge status={certificate.status} />
        </Group>
        <Table variant="vertical" layout="fixed" withTableBorder>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Th w={160}>{row.label}</Table.Th>
                {/* The 32-character code breaks anywhere rather than widen a phone's page. */}
                <Table.Td data-testid={`verify-field-${row.key}`} style={{ overflowWrap: 'anywhere' }}>
                  {/* Isolated: a Latin name or the code must not reorder an Arabic line. */}
                  <bdi>{row.value}</bdi>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
