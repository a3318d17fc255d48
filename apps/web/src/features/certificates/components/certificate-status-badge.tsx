import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CertificateStatus } from '@mre/contracts';

const COLORS: Record<CertificateStatus, string> = { valid: 'green', revoked: 'red' };

export function CertificateStatusBadge({ status }: { status: CertificateStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" data-testid="certificate-status">
      {t(`certificates.status.${status}`)}
    </Badge>
  );
}
