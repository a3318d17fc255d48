import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useLocalize } from '@/shared/hooks/use-localize';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { useCourse } from '../api/catalog.queries';
import { useCourseProgress } from '../api/material-progress';
import { CourseFacts } from './course-facts';
import { CourseProgressBar } from './course-progress-bar';
import { CourseStatusBadge } from './course-status-badge';
import { ModuleList } from './module-list';

export function CoursePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const localize = useLocalize();
  const user = useCurrentUser();
  const isAdmin = user.role === 'admin';
  const course = useCourse(id);
  // Only a trainee has a progress (in the courses of their cohorts).
  const progress = useCourseProgress(user.role === 'trainee');
  const mine = progress.data?.find((item) => item.courseId === id);

  if (course.isPending) return <LoadingState />;
  if (course.isError) return <ErrorState error={course.error} onRetry={() => void course.refetch()} />;

  return (
    <Stack>
      <Anchor component={Link} to="/courses" size="sm">
        {t('course.backToCatalog')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text size="sm" c="dimmed" dir="ltr">
            {course.data.code}
          </Text>
          <Title order={1} dir="auto" data-testid="course-title">
            {localize(course.data.title)}
          </Title>
        </Stack>
        {(isAdmin || (user.role === 'expert' && course.data.expertIds.includes(user.id))) && (
          <Group>
            <CourseStatusBadge status={course.data.status} />
            <Button
              component={Link}
              to={isAdmin ? `/admin/courses/${id}` : `/courses/${id}/edit`}
              variant="light"
              size="xs"
              data-testid="course-edit"
            >
              {t('common.edit')}
            </Button>
          </Group>
        )}
      </Group>
      <CourseFacts course={course.data} />
      {mine && <CourseProgressBar progress={mine} />}
      <Text dir="auto" style={{ whiteSpace: 'pre-line' }}>
        {localize(course.data.summary)}
      </Text>
      <Title order={2}>{t('course.modules')}</Title>
      <ModuleList modules={course.data.modules} progress={mine} canKeep />
    </Stack>
  );
}
