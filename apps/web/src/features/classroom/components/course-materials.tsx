import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '@/shared/components/query-states';
import { useLocalize } from '@/shared/hooks/use-localize';
import { useCourse } from '@/features/catalog/api/catalog.queries';
import { ModuleList } from '@/features/catalog/components/module-list';
import { useCohort } from '../api/classroom.api';

/**
 * The course's materials, to download before class on a good connection. The session leads to the
 * cohort and the cohort to the course; when a step is not visible, the page says so and carries on.
 */
export function CourseMaterials({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const cohort = useCohort(cohortId);
  return (
    <Paper withBorder p="md" radius="md" data-testid="course-materials">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('classroom.materials.title')}
        </Title>
        {cohort.isPending ? (
          <LoadingState />
        ) : cohort.isError ? (
          <Unavailable />
        ) : (
          <CourseModules courseId={cohort.data.courseId} />
        )}
      </Stack>
    </Paper>
  );
}

function CourseModules({ courseId }: { courseId: string }) {
  const localize = useLocalize();
  const course = useCourse(courseId);
  if (course.isPending) return <LoadingState />;
  if (course.isError) return <Unavailable />;
  return (
    <>
      <Text fw={500} dir="auto">
        {localize(course.data.title)}
      </Text>
      <ModuleList modules={course.data.modules} />
    </>
  );
}

function Unavailable() {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed" data-testid="materials-unavailable">
      {t('classroom.materials.unavailable')}
    </Text>
  );
}
