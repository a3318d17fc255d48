import { Anchor, Card, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Schemas } from '@mre/api-client';
import { BENEFICIARY_STATUSES } from '@mre/contracts';
import { CohortCalendarLink } from '@/features/calendar/components/cohort-calendar-link';
import { useCourseProgress } from '@/features/catalog/api/material-progress';
import { CourseProgressBar } from '@/features/catalog/components/course-progress-bar';
import { formatPercent } from '@/shared/lib/format-percent';
import { useLocale } from '@/shared/hooks/use-locale';
import { useCentreName } from '@/shared/api/reference-data.queries';
import { useLocalize } from '@/shared/hooks/use-localize';
import { useFormatDayRange } from '../hooks/use-format-day';
import { CohortKindBadge } from './cohort-kind-badge';
import { EnrollmentStatusBadge } from './enrollment-status-badge';

// Apart from the page of all one's courses (with its pagination): a trainee's home shows these
// cards too, and downloads only them.
/**
 * A cohort the trainee is in: the course, the dates and how far through them, how many of the
 * course's files they have done, their enrollment.
 */
export function MyCourseCard({ cohort }: { cohort: Schemas['CohortDto'] }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const centreName = useCentreName();
  const mine = cohort.myEnrollment;
  const formatDays = useFormatDayRange();
  const progress = useCourseProgress().data?.find((item) => item.courseId === cohort.courseId);
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
          {centreName(cohort.centreId) || cohort.centreName}
        </Text>
        <Text size="sm" c="dimmed" data-testid="my-course-dates">
          {formatDays(cohort.startsOn, cohort.endsOn)}
        </Text>
        <CohortProgress startsOn={cohort.startsOn} endsOn={cohort.endsOn} />
        <Text size="sm" data-testid="my-course-recording">
          {cohort.recordingAllowed ? t('recordingConsent.mayBeRecorded') : t('recordingConsent.notRecorded')}
        </Text>
        {progress && <CourseProgressBar progress={progress} />}
        {mine?.status === 'active' && (
          <Anchor component={Link} to={`/cohort-board/${cohort.id}`} size="sm" data-testid="my-course-board">
            {t('board.open')}
          </Anchor>
        )}
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
        {/* The feed lists the sessions of the cohorts the person takes part in (not waitlisted). */}
        {mine && BENEFICIARY_STATUSES.includes(mine.status) && <CohortCalendarLink cohortId={cohort.id} />}
      </Stack>
    </Card>
  );
}

/** How far through its dates the cohort is, from 0 to 1 (days, read in UTC as they are written). */
export function elapsedShare(startsOn: string, endsOn: string, now: number): number {
  const start = Date.parse(`${startsOn}T00:00:00Z`);
  // The last day counts in full.
  const end = Date.parse(`${endsOn}T00:00:00Z`) + 86_400_000;
  if (!(end > start)) return 0;
  return Math.min(1, Math.max(0, (now - start) / (end - start)));
}

function CohortProgress({ startsOn, endsOn }: { startsOn: string; endsOn: string }) {
  const { t } = useTranslation();
  const [locale] = useLocale();
  const share = elapsedShare(startsOn, endsOn, Date.now());
  const label =
    share === 0
      ? t('cohorts.mine.progress.notStarted')
      : share === 1
        ? t('cohorts.mine.progress.over')
        : t('cohorts.mine.progress.elapsed', { percent: formatPercent(share, locale) });
  return (
    <Stack gap={4}>
      <Progress value={share * 100} size="sm" aria-label={label} data-testid="my-course-progress" />
      <Text size="xs" c="dimmed" data-testid="my-course-progress-label">
        {label}
      </Text>
    </Stack>
  );
}
