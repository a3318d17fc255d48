import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CourseStatus } from '@mre/contracts';

const COLORS: Record<CourseStatus, string> = { draft: 'gray', published: 'green', archived: 'orange' };

export function CourseStatusBadge({ status }: { status: CourseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" flex="none" data-testid="course-status">
      {t(`course.status.${status}`)}
    </Badge>
  );
}
