import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useLocalize } from '@/shared/hooks/use-localize';
import { useCourse } from '@/features/catalog/api/catalog.queries';
import { ModuleQuizzes } from '@/features/quizzes/components/module-quizzes';
import { ModuleManager } from './module-manager';

/**
 * The modules, links and files of a course, for its experts (admins have the whole course edit
 * page): loaded as its own chunk, from the course page's edit button.
 */
export default function CourseModulesPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const localize = useLocalize();
  const course = useCourse(id);

  if (course.isPending) return <LoadingState />;
  if (course.isError) return <ErrorState error={course.error} onRetry={() => void course.refetch()} />;
  return (
    <Stack>
      <Anchor component={Link} to={`/courses/${id}`} size="sm">
        {t('admin.courses.backToCourse')}
      </Anchor>
      <Title order={1}>{t('admin.courses.editContent')}</Title>
      <Text dir="auto" fw={500}>
        {localize(course.data.title)}
      </Text>
      <ModuleManager course={course.data} />
      <ModuleQuizzes course={course.data} />
    </Stack>
  );
}
