import { useState } from 'react';
import { SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ListPagination } from '@/shared/components/list-pagination';
import { EmptyResult } from '@/shared/components/empty-result';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useCohorts } from '../api/cohorts.api';
import { MyCourseCard } from './my-course-card';
import { useRestOfTextsOnceShown } from '@/shared/hooks/use-rest-of-texts';

const PAGE_SIZE = 12;

/** A trainee's cohorts: the API answers a trainee with the cohorts they are enrolled in. */
export function MyCoursesPage() {
  useRestOfTextsOnceShown();
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const cohorts = useCohorts({ page, pageSize: PAGE_SIZE });

  return (
    <Stack>
      <Title order={1}>{t('cohorts.mine.title')}</Title>
      {cohorts.isPending ? (
        <LoadingState />
      ) : cohorts.isLoadingError ? (
        <ErrorState error={cohorts.error} onRetry={() => void cohorts.refetch()} />
      ) : cohorts.data.items.length === 0 ? (
        <EmptyResult title={t('cohorts.mine.empty')} description={t('cohorts.mine.emptyHint')} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="my-courses">
            {cohorts.data.items.map((cohort) => (
              <MyCourseCard key={cohort.id} cohort={cohort} />
            ))}
          </SimpleGrid>
          <ListPagination page={page} pageSize={PAGE_SIZE} total={cohorts.data.total} onChange={setPage} />
        </>
      )}
    </Stack>
  );
}
