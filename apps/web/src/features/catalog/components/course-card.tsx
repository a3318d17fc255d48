import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Schemas } from '@mre/api-client';
import { useLocalize } from '@/shared/hooks/use-localize';
import { CourseFacts } from './course-facts';
import { CourseStatusBadge } from './course-status-badge';

interface CourseCardProps {
  course: Schemas['CourseDto'];
  showStatus: boolean;
}

export function CourseCard({ course, showStatus }: CourseCardProps) {
  const localize = useLocalize();
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component={Link}
      to={`/courses/${course.id}`}
      data-testid="course-card"
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} size="h3" dir="auto" data-testid="course-card-title">
            {localize(course.title)}
          </Title>
          {showStatus && <CourseStatusBadge status={course.status} />}
        </Group>
        <Text size="sm" c="dimmed" dir="auto" lineClamp={3}>
          {localize(course.summary)}
        </Text>
        <CourseFacts course={course} />
      </Stack>
    </Card>
  );
}
