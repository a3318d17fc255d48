import { lazy, Suspense, useState } from 'react';
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListPagination } from '@/shared/components/list-pagination';
import { EmptyResult } from '@/shared/components/empty-result';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { UNBROKEN } from '@/shared/components/zoned-time';
import { formatInZone, utcOffset, zonePlace } from '@/shared/lib/zoned-time';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { useTaughtCohortIds } from '@/features/auth/hooks/use-teaching';
import { CALENDAR_FEED_PATH } from '@/features/calendar/lib/links';
import { SCHEDULE_PAGE_SIZE, useSchedule, useVisibleCohorts, type LiveSession } from '../api/schedule.api';
import { useNow } from '../hooks/use-now';
import { dayKey } from '../lib/session-time';
import { SESSION_SCHEDULERS, SESSION_STAFF } from '../lib/staff';
import { CancelSessionModal } from './cancel-session-modal';
import { RecentSessions } from './recent-sessions';
import { PastSessions } from './past-sessions';
import { SessionCard } from './session-card';
import { RichText } from '@/shared/components/rich-text';
import { withAllTexts } from '@/i18n/i18n';
import { useRestOfTextsOnceShown } from '@/shared/hooks/use-rest-of-texts';

// Only those who schedule open the form: its time-zone arithmetic (luxon) stays off trainees' pages.
const SessionFormModal = lazy(
  withAllTexts(() => import('./session-form-modal').then((module) => ({ default: module.SessionFormModal }))),
);

/** "My schedule": the coming sessions, by day, in the viewer's own time zone. */
export function SchedulePage() {
  useRestOfTextsOnceShown();
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  // A trainer holding the trainee role runs the sessions of the cohorts they teach.
  const taught = useTaughtCohortIds(user);
  const [page, setPage] = useState(1);
  const schedule = useSchedule(page);
  const cohorts = useVisibleCohorts();
  const now = useNow();
  // null: closed; 'new': scheduling; a session: rescheduling it.
  const [editing, setEditing] = useState<LiveSession | 'new' | null>(null);
  const [cancelling, setCancelling] = useState<LiveSession | null>(null);
  const cohortName = (id: string) => cohorts.data?.find((cohort) => cohort.id === id)?.name;
  const isStaff = (session: LiveSession) =>
    SESSION_STAFF.includes(user.role) || taught?.has(session.cohortId) === true;

  return (
    <Stack>
      <Group justify="space-between">
        <Stack gap={0}>
          <Title order={1}>{t('schedule.title')}</Title>
          <Text size="sm" c="dimmed" data-testid="schedule-zone">
            {/* Named as the session times name it, with today's offset. */}
            <RichText
              i18nKey="schedule.shownIn"
              values={{ place: zonePlace(user.timeZone), offset: utcOffset(new Date(now), user.timeZone) }}
              components={{ zone: <bdi style={UNBROKEN} /> }}
            />
          </Text>
          <Anchor component={Link} to={CALENDAR_FEED_PATH} size="sm" data-testid="schedule-calendar-feed">
            {t('calendarFeed.scheduleLink')}
          </Anchor>
        </Stack>
        {SESSION_SCHEDULERS.includes(user.role) && (
          <Button onClick={() => setEditing('new')} data-testid="session-create">
            {t('schedule.create')}
          </Button>
        )}
      </Group>
      {schedule.isPending ? (
        <LoadingState />
      ) : schedule.isLoadingError ? (
        <ErrorState error={schedule.error} onRetry={() => void schedule.refetch()} />
      ) : schedule.data.items.length === 0 ? (
        <EmptyResult title={t('schedule.empty')} description={t('schedule.emptyHint')} />
      ) : (
        <>
          {byDay(schedule.data.items, user.timeZone).map(([day, sessions]) => (
            <Stack key={day} gap="xs" component="section" data-testid="schedule-day">
              <Title order={2} size="h3" data-testid="schedule-day-title">
                {formatInZone(sessions[0].startsAt, i18n.language, user.timeZone, { dateStyle: 'full' })}
              </Title>
              {sessions.map((session) => (
                <SessionCard
                  key={session.id}
                  session={session}
                  cohortName={cohortName(session.cohortId)}
                  timeZone={user.timeZone}
                  now={now}
                  isStaff={isStaff(session)}
                  onReschedule={setEditing}
                  onCancel={setCancelling}
                />
              ))}
            </Stack>
          ))}
          <ListPagination
            page={page}
            pageSize={SCHEDULE_PAGE_SIZE}
            total={schedule.data.total}
            onChange={setPage}
          />
        </>
      )}
      {user.role === 'trainee' ? (
        <PastSessions timeZone={user.timeZone} withAttendance cohortName={cohortName} />
      ) : (
        <RecentSessions timeZone={user.timeZone} now={now} cohortName={cohortName} isStaff={isStaff} />
      )}
      {editing && (
        <Suspense>
          <SessionFormModal
            session={editing === 'new' ? undefined : editing}
            defaultTimeZone={user.timeZone}
            onClose={() => setEditing(null)}
          />
        </Suspense>
      )}
      {cancelling && <CancelSessionModal session={cancelling} onClose={() => setCancelling(null)} />}
    </Stack>
  );
}

/** The API answers in start order, so each day's sessions stay in order. */
function byDay(sessions: LiveSession[], timeZone: string): [string, LiveSession[]][] {
  const days = new Map<string, LiveSession[]>();
  for (const session of sessions) {
    const key = dayKey(session.startsAt, timeZone);
    days.set(key, [...(days.get(key) ?? []), session]);
  }
  return [...days];
}
