import { useState } from 'react';
import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '@mre/api-client';
import { ListPagination } from '@/shared/components/list-pagination';
import { EmptyResult, ErrorState, LoadingState } from '@/shared/components/query-states';
import { useLocalize } from '@/shared/hooks/use-localize';
import { useCohorts } from '../api/cohorts.api';
import { useFormatDayRange } from '../hooks/use-format-day';
import { CohortKindBadge } from './cohort-kind-badge';
import { EnrollmentStatusBadge } from './enrollment-status-badge';

const PAGE_SIZE = 12;

/** A trainee's cohorts: the API answers a trainee with the cohorts they are enrolled in. */
export function MyCoursesPage() {
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

function MyCourseCard({ cohort }: { cohort: Schemas['CohortDto'] }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const mine = cohort.myEnrollment;
  const formatDays = useFormatDayRange();
  return (
    <Card withBorder padding="lg" data-testid="my-course">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Anchor
            component={Link}
            to={`/courses/${cohort.courseId}`}
            fw={600}
            dir="auto"
            data-testid="my-course-title"
          >
            {localize(cohort.courseTitle)}
          </Anchor>
          <CohortKindBadge kind={cohort.kind} />
        </Group>
        <Text size="sm" dir="auto">
          {cohort.name}
        </Text>
        <Text size="sm" c="dimmed">
          {cohort.centreName}
        </Text>
        <Text size="sm" c="dimmed" data-testid="my-course-dates">
          {formatDays(cohort.startsOn, cohort.endsOn)}
        </Text>
        {mine && (
          <Group gap="xs">
            <EnrollmentStatusBadge status={mine.status} />
            {mine.status === 'waitlisted' && mine.position !== null && (
              <Text size="sm" data-testid="my-course-position">
                {t('cohorts.mine.waitlistPosition', { position: mine.position })}
              </Text>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
