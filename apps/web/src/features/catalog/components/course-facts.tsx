import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@mre/api-client';
import { useNetworkName, useSectorName } from '@/shared/api/reference-data.queries';

/** Sector, network, format and length of a course, as on its card and its page. */
export function CourseFacts({ course }: { course: Schemas['CourseDto'] }) {
  const { t } = useTranslation();
  const sectorName = useSectorName();
  const networkName = useNetworkName();
  return (
    <Group gap="xs">
      <Badge variant="light">{sectorName(course.sectorCode)}</Badge>
      <Badge variant="outline" color="gray">
        {t(`course.format.${course.format}`)}
      </Badge>
      <Text size="sm" c="dimmed">
        {t('course.hours', { count: course.durationHours })}
      </Text>
      <Text size="sm" c="dimmed" data-testid="course-network">
        {networkName(course.networkId)}
      </Text>
    </Group>
  );
}
