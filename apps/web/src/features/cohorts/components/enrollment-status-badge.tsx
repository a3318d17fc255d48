import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EnrollmentStatus } from '@mre/contracts';

const COLORS: Record<EnrollmentStatus, string> = {
  active: 'green',
  waitlisted: 'yellow',
  withdrawn: 'gray',
  completed: 'blue',
};

export function EnrollmentStatusBadge({ status }: { status: EnrollmentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={COLORS[status]}
      variant="light"
      flex="none"
      miw="max-content"
      data-testid="enrollment-status"
    >
      {t(`cohorts.status.${status}`)}
    </Badge>
  );
}
