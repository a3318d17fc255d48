import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ListPagination } from '@/shared/components/list-pagination';
import { EmptyResult } from '@/shared/components/empty-result';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useCourses, type CourseFilters } from '../api/catalog.queries';
import { CourseCard } from './course-card';

interface CourseListProps {
  filters: CourseFilters;
  onPageChange: (page: number) => void;
  showStatus: boolean;
}

export function CourseList({ filters, onPageChange, showStatus }: CourseListProps) {
  const { t } = useTranslation();
  const courses = useCourses(filters);

  if (courses.isPending) return <LoadingState />;
  if (courses.isError) return <ErrorState error={courses.error} onRetry={() => void courses.refetch()} />;
  if (courses.data.items.length === 0) {
    return <EmptyResult title={t('catalog.empty')} description={t('catalog.emptyHint')} />;
  }
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="course-list">
        {courses.data.items.map((course) => (
          <CourseCard key={course.id} course={course} showStatus={showStatus} />
        ))}
      </SimpleGrid>
      <ListPagination
        page={filters.page}
        pageSize={filters.pageSize}
        total={courses.data.total}
        onChange={onPageChange}
      />
    </>
  );
}
