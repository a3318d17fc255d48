import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PublicCertificateStatus } from '@mre/contracts';

const COLORS: Record<PublicCertificateStatus, string> = { valid: 'green', revoked: 'red', withdrawn: 'gray' };

export function CertificateStatusBadge({ status }: { status: PublicCertificateStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" data-testid="certificate-status">
      {t(`certificates.status.${status}`)}
    </Badge>
  );
}
