import { Anchor, Divider, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useCourse } from '@/features/catalog/api/catalog.queries';
import { CourseForm } from './course-form';
import { ModuleManager } from './module-manager';

export function CourseCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Stack>
      <BackToCourses />
      <Title order={1}>{t('admin.courses.create')}</Title>
      {/* Modules belong to a saved course: continue on its edit page. */}
      <CourseForm onSaved={(course) => navigate(`/admin/courses/${course.id}`, { replace: true })} />
    </Stack>
  );
}

export function CourseEditPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const course = useCourse(id);

  if (course.isPending) return <LoadingState />;
  if (course.isError) return <ErrorState error={course.error} onRetry={() => void course.refetch()} />;
  return (
    <Stack>
      <BackToCourses />
      <Title order={1}>{t('admin.courses.edit')}</Title>
      {/* Keyed by id: another course must not reuse the fields of the previous one. */}
      <CourseForm key={course.data.id} course={course.data} />
      <Divider />
      <ModuleManager course={course.data} />
    </Stack>
  );
}

function BackToCourses() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/admin/courses" size="sm">
      {t('admin.courses.back')}
    </Anchor>
  );
}
