import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AttendanceStatus } from '@mre/contracts';
import { EmptyResult } from '@/shared/components/empty-result';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useLocalize } from '@/shared/hooks/use-localize';
import { formatPercent } from '@/shared/lib/format-percent';
import { useMyAttendance, usePastSessions } from '../api/schedule.api';
import { CancelReason } from './cancel-reason';
import { SessionTeachers } from './session-teachers';
import { SessionTime } from './session-time';

/** How long a held session's survey stays open after it ends (the API's rule). */
const FEEDBACK_OPEN_MS = 7 * 24 * 3600 * 1000;

const STATUS_COLOR: Record<AttendanceStatus, string> = {
  present: 'green',
  late: 'yellow',
  absent: 'red',
  excused: 'blue',
};

interface PastSessionsProps {
  timeZone: string;
  /** A trainee sees their own attendance in each. */
  withAttendance: boolean;
  cohortName?: (cohortId: string) => string | undefined;
}

/** The sessions already held, newest first, with the person's own attendance. */
export function PastSessions({ timeZone, withAttendance, cohortName }: PastSessionsProps) {
  const { t, i18n } = useTranslation();
  const localize = useLocalize();
  const past = usePastSessions();
  const held = (past.data ?? []).filter((session) => session.status === 'scheduled');
  const attendance = useMyAttendance(withAttendance ? held.map((session) => session.id) : []);
  const now = Date.now();

  return (
    <Stack gap="xs" component="section" data-testid="past-sessions">
      <Title order={2} size="h3">
        {t('schedule.past.title')}
      </Title>
      {past.isPending ? (
        <LoadingState />
      ) : past.isLoadingError ? (
        <ErrorState error={past.error} onRetry={() => void past.refetch()} />
      ) : past.data.length === 0 ? (
        <EmptyResult title={t('schedule.past.empty')} />
      ) : (
        past.data.map((session) => {
          const mine = attendance.data?.get(session.id);
          return (
            <Paper
              key={session.id}
              withBorder
              p="sm"
              radius="md"
              data-testid="past-session"
              data-session-id={session.id}
            >
              <Group justify="space-between" align="flex-start" gap="xs">
                <Stack gap={2} style={{ flex: 1, minWidth: 200 }}>
                  <Text fw={600} dir="auto" data-testid="past-session-title">
                    {localize(session.titles)}
                  </Text>
                  {session.recordingAvailable && (
                    <Group gap="xs">
                      <Badge color="teal" size="sm" data-testid="session-recording-available">
                        {t('schedule.recordingAvailable')}
                      </Badge>
                      <Button
                        component={Link}
                        to={`/sessions/${session.id}/classroom`}
                        size="compact-sm"
                        data-testid="session-open-past"
                      >
                        {t('schedule.watchRecording')}
                      </Button>
                    </Group>
                  )}
                  {session.status === 'scheduled' && (
                    <Group gap="xs">
                      <Button
                        component={Link}
                        to={`/sessions/${session.id}/classroom#chat`}
                        size="compact-sm"
                        variant="subtle"
                        data-testid="session-open-chat"
                      >
                        {t('classChat.open')}
                      </Button>
                    </Group>
                  )}
                  {withAttendance &&
                    session.status === 'scheduled' &&
                    now >= Date.parse(session.endsAt) &&
                    now < Date.parse(session.endsAt) + FEEDBACK_OPEN_MS && (
                      <Group gap="xs">
                        <Button
                          component={Link}
                          to={`/sessions/${session.id}/feedback`}
                          size="compact-sm"
                          variant="light"
                          data-testid="session-give-feedback"
                        >
                          {t('feedback.give')}
                        </Button>
                      </Group>
                    )}
                  {cohortName?.(session.cohortId) && (
                    <Text size="sm" c="dimmed" dir="auto">
                      {cohortName(session.cohortId)}
                    </Text>
                  )}
                  <SessionTeachers names={session.teacherNames} />
                  <SessionTime session={session} timeZone={timeZone} withDate />
                  {session.status === 'cancelled' && <CancelReason reasons={session.cancellationReasons} />}
                </Stack>
                {session.status === 'cancelled' ? (
                  <Badge color="gray" data-testid="past-session-status">
                    {t('schedule.status.cancelled')}
                  </Badge>
                ) : (
                  mine && (
                    <Badge color={STATUS_COLOR[mine.status]} data-testid="past-session-status">
                      {t('schedule.past.mine', {
                        status: t(`attendance.status.${mine.status}`),
                        percent: formatPercent(mine.percent / 100, i18n.language),
                      })}
                    </Badge>
                  )
                )}
              </Group>
            </Paper>
          );
        })
      )}
    </Stack>
  );
}
