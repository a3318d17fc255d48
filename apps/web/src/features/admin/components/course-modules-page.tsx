import { Anchor, Divider, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useCourse } from '@/features/catalog/api/catalog.queries';
import { ModuleQuizzes } from '@/features/quizzes/components/module-quizzes';
import { CourseForm } from './course-form';
import { ModuleManager } from './module-manager';

/**
 * A course's own fields, modules, links and files, for its experts (admins have the whole course
 * edit page, with its status and experts): loaded as its own chunk, from the course page's edit button.
 */
export default function CourseModulesPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const course = useCourse(id);

  if (course.isPending) return <LoadingState />;
  if (course.isError) return <ErrorState error={course.error} onRetry={() => void course.refetch()} />;
  return (
    <Stack>
      <Anchor component={Link} to={`/courses/${id}`} size="sm">
        {t('admin.courses.backToCourse')}
      </Anchor>
      <Title order={1}>{t('admin.courses.edit')}</Title>
      {/* Keyed by id: another course must not reuse the fields of the previous one. */}
      <CourseForm key={course.data.id} course={course.data} editor="expert" />
      <Divider />
      <ModuleManager course={course.data} />
      <ModuleQuizzes course={course.data} />
    </Stack>
  );
}
