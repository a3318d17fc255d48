import { lazy, Suspense, useState } from 'react';
import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { CohortQuizzes } from '@/features/quizzes/components/cohort-quizzes';
import type { Schemas } from '@mre/api-client';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useCentreName } from '@/shared/api/reference-data.queries';
import { useLocalize } from '@/shared/hooks/use-localize';
import { CohortCertificates } from '@/features/certificates/components/cohort-certificates';
import { useCohort } from '../api/cohorts.api';
import { useFormatDayRange } from '../hooks/use-format-day';
import { formatPercent } from '@/shared/lib/format-percent';
import { CohortFormModal } from './cohort-form-modal';
import { CohortSessions, CohortTeachers } from './cohort-people-sessions';
import { CohortKindBadge } from './cohort-kind-badge';
import { CsvImport } from './csv-import';
import { EnrollModal } from './enroll-modal';
import { Roster } from './roster';

// The board is a chunk of its own: the cohort page's first paint does not wait for it.
const CohortBoard = lazy(() => import('@/features/cohort-board/components/cohort-board'));

export function CohortPage() {
  const { id = '' } = useParams();
  const cohort = useCohort(id);

  if (cohort.isPending) return <LoadingState />;
  // Saved data stays on screen when a refresh fails (offline): only a first load shows the error.
  if (cohort.isLoadingError) return <ErrorState error={cohort.error} onRetry={() => void cohort.refetch()} />;
  // Keyed by id: another cohort must not inherit this one's search, page or import.
  return <CohortDetails key={cohort.data.id} cohort={cohort.data} />;
}

function CohortDetails({ cohort }: { cohort: Schemas['CohortDto'] }) {
  const { t, i18n } = useTranslation();
  const localize = useLocalize();
  const centreName = useCentreName();
  const formatDays = useFormatDayRange();
  const { permissions } = cohort;
  const [editing, setEditing] = useState(false);
  const [enrolling, setEnrolling] = useState(false);

  return (
    <Stack>
      <Anchor component={Link} to="/cohorts" size="sm">
        {t('cohorts.page.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            <bdi dir="ltr">{cohort.courseCode}</bdi> · <bdi>{localize(cohort.courseTitle)}</bdi>
          </Text>
          <Group gap="sm">
            <Title order={1} dir="auto" data-testid="cohort-title">
              {cohort.name}
            </Title>
            <CohortKindBadge kind={cohort.kind} />
          </Group>
          {/* Each part isolated: a Latin name next to digits must not reorder an Arabic line. */}
          <Text size="sm" c="dimmed">
            <bdi>{centreName(cohort.centreId) || cohort.centreName}</bdi> ·{' '}
            <bdi>{formatDays(cohort.startsOn, cohort.endsOn)}</bdi> ·{' '}
            <bdi>
              {t('cohorts.page.minAttendance', {
                percent: formatPercent(cohort.minAttendancePercent / 100, i18n.language),
              })}
            </bdi>{' '}
            ·{' '}
            {cohort.requiresFinalQuizPass && (
              <>
                <bdi data-testid="cohort-final-quiz-rule">{t('cohorts.page.finalQuizRequired')}</bdi> ·{' '}
              </>
            )}
            <bdi data-testid="cohort-recording">
              {cohort.recordingAllowed
                ? t('recordingConsent.mayBeRecorded')
                : t('recordingConsent.notRecorded')}
            </bdi>
          </Text>
        </Stack>
        <Group>
          {permissions.edit && (
            <Button variant="light" onClick={() => setEditing(true)} data-testid="cohort-edit">
              {t('common.edit')}
            </Button>
          )}
          {permissions.manage && (
            <Button onClick={() => setEnrolling(true)} data-testid="enroll-open">
              {t('cohorts.enroll.open')}
            </Button>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Count
          label={t('cohorts.counts.enrolled')}
          value={t('cohorts.counts.ofCapacity', {
            enrolled: cohort.counts.enrolled,
            capacity: cohort.capacity,
          })}
          testId="cohort-enrolled"
        />
        <Count
          label={t('cohorts.counts.waitlisted')}
          value={String(cohort.counts.waitlisted)}
          testId="cohort-waitlisted"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <CohortTeachers teachers={cohort.teachers} />
        <CohortSessions cohortId={cohort.id} startsOn={cohort.startsOn} staff={permissions.viewRoster} />
      </SimpleGrid>
      {permissions.manage && <CsvImport cohortId={cohort.id} />}
      <Title order={2}>{t('cohorts.roster.title')}</Title>
      <Roster cohortId={cohort.id} canManage={permissions.manage} />
      <CohortCertificates
        cohortId={cohort.id}
        minAttendancePercent={cohort.minAttendancePercent}
        requiresFinalQuizPass={cohort.requiresFinalQuizPass}
        permissions={permissions}
      />
      <CohortQuizzes cohortId={cohort.id} canRun={permissions.scheduleSessions || permissions.manage} />
      <Stack gap="sm" component="section" aria-labelledby="cohort-board-title">
        <Title order={2} id="cohort-board-title">
          {t('board.title')}
        </Title>
        <Suspense fallback={<LoadingState />}>
          <CohortBoard cohortId={cohort.id} courseId={cohort.courseId} />
        </Suspense>
      </Stack>
      {editing && <CohortFormModal cohort={cohort} onClose={() => setEditing(false)} />}
      {enrolling && <EnrollModal cohortId={cohort.id} onClose={() => setEnrolling(false)} />}
    </Stack>
  );
}

function Count({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}
