import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { useCohort } from '@/features/cohorts/api/cohorts.api';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useLocalize } from '@/shared/hooks/use-localize';
import CohortBoard from './cohort-board';

/** A cohort's announcements and questions on a page of their own: where trainees and notices go. */
export function CohortBoardPage() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { id = '' } = useParams();
  const { role } = useCurrentUser();
  const cohort = useCohort(id);

  if (cohort.isPending) return <LoadingState />;
  if (cohort.isLoadingError) return <ErrorState error={cohort.error} onRetry={() => void cohort.refetch()} />;
  return (
    <Stack>
      <Anchor component={Link} to={role === 'trainee' ? '/my-courses' : `/cohorts/${id}`} size="sm">
        {role === 'trainee' ? t('board.backToCourses') : t('board.backToCohort')}
      </Anchor>
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          <bdi dir="auto">{localize(cohort.data.courseTitle)}</bdi>
        </Text>
        <Title order={1} dir="auto" data-testid="board-cohort-name">
          {cohort.data.name}
        </Title>
      </Stack>
      <Title order={2} size="h3">
        {t('board.title')}
      </Title>
      <CohortBoard cohortId={id} courseId={cohort.data.courseId} />
    </Stack>
  );
}
