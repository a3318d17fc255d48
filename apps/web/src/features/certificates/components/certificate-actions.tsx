import { Anchor, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Certificate, useDownloadCertificate } from '../api/certificates.api';

interface CertificateActionsProps {
  certificate: Certificate;
  download: ReturnType<typeof useDownloadCertificate>;
  onRevoke?: () => void;
}

/** Download the PDF, open the public page, and (for admins, while valid) revoke. */
export function CertificateActions({ certificate, download, onRevoke }: CertificateActionsProps) {
  const { t } = useTranslation();
  const downloading = download.isPending && download.variables?.id === certificate.id;
  return (
    // Wrapping, not shrinking: a squeezed button would cut its label.
    <Group gap="xs">
      <Button
        size="xs"
        variant="light"
        loading={downloading}
        onClick={() => download.mutate(certificate)}
        data-testid="certificate-download"
      >
        {t('certificates.download')}
      </Button>
      <Anchor
        component={Link}
        to={`/verify/${certificate.code}`}
        size="sm"
        data-testid="certificate-verify-link"
      >
        {t('certificates.verifyLink')}
      </Anchor>
      {onRevoke && certificate.status === 'valid' && (
        <Button size="xs" color="red" variant="subtle" onClick={onRevoke} data-testid="certificate-revoke">
          {t('certificates.revoke.open')}
        </Button>
      )}
    </Group>
  );
}
