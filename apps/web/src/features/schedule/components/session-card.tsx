import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '@/shared/hooks/use-localize';
import { Link } from 'react-router';
import { ZonedTime } from '@/shared/components/zoned-time';
import type { LiveSession } from '../api/schedule.api';
import { joinPhase } from '../lib/session-time';
import { CancelReason } from './cancel-reason';
import { SessionCountdown } from './session-countdown';
import { SessionTeachers } from './session-teachers';
import { SessionTime } from './session-time';
import { RichText } from '@/shared/components/rich-text';

interface SessionCardProps {
  session: LiveSession;
  cohortName?: string;
  timeZone: string;
  now: number;
  isStaff: boolean;
  onReschedule: (session: LiveSession) => void;
  /** Staff only: opens the cancellation (scope and reason). */
  onCancel?: (session: LiveSession) => void;
}

export function SessionCard({
  session,
  cohortName,
  timeZone,
  now,
  isStaff,
  onReschedule,
  onCancel,
}: SessionCardProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const phase = joinPhase(session, now);
  const cancelled = phase === 'cancelled';
  const upcoming = phase === 'open' || phase === 'not-yet';

  return (
    <Paper withBorder p="md" radius="md" data-testid="session-card" data-session-id={session.id}>
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4} style={{ flex: 1, minWidth: 240 }}>
          <Group gap="xs">
            <Text fw={600} dir="auto" td={cancelled ? 'line-through' : undefined} data-testid="session-title">
              {localize(session.titles)}
            </Text>
            <Badge variant="light" size="sm">
              {t(`schedule.mode.${session.mode}`)}
            </Badge>
            {session.seriesPosition && (
              // One of a weekly series: what "this and the following" of its actions refer to.
              <Badge variant="outline" size="sm" data-testid="session-series">
                {t('schedule.series', { position: session.seriesPosition, total: session.seriesLength })}
              </Badge>
            )}
            {cancelled && (
              <Badge color="red" size="sm" data-testid="session-cancelled">
                {t('schedule.status.cancelled')}
              </Badge>
            )}
            {phase === 'ended' && session.recordingAvailable && (
              <Badge color="teal" size="sm" data-testid="session-recording-available">
                {t('schedule.recordingAvailable')}
              </Badge>
            )}
          </Group>
          {cohortName && (
            <Text size="sm" c="dimmed" dir="auto">
              {cohortName}
            </Text>
          )}
          {cancelled && <CancelReason reasons={session.cancellationReasons} />}
          <SessionTeachers names={session.teacherNames} />
          <SessionTime session={session} timeZone={timeZone} />
          <SessionCountdown startsAt={session.startsAt} phase={phase} now={now} />
        </Stack>
        <Stack gap="xs" align="flex-end">
          {phase === 'open' ? (
            <Button component={Link} to={`/sessions/${session.id}/classroom`} data-testid="session-join">
              {t('schedule.join')}
            </Button>
          ) : phase === 'ended' ? (
            <Button
              component={Link}
              to={`/sessions/${session.id}/classroom`}
              variant={session.recordingAvailable ? 'filled' : 'light'}
              data-testid="session-open-past"
            >
              {t(session.recordingAvailable ? 'schedule.watchRecording' : 'schedule.openSession')}
            </Button>
          ) : (
            <Button disabled data-testid="session-join">
              {t('schedule.join')}
            </Button>
          )}
          {phase === 'not-yet' && (
            <Text size="xs" c="dimmed" data-testid="session-opens-at">
              <RichText
                i18nKey="schedule.opensAt"
                components={{
                  when: (
                    <ZonedTime
                      instant={session.joinOpensAt}
                      timeZone={timeZone}
                      options={{ dateStyle: 'medium', timeStyle: 'short' }}
                    />
                  ),
                }}
              />
            </Text>
          )}
          {isStaff && (
            <Group gap="xs">
              <Button
                component={Link}
                to={`/sessions/${session.id}/attendance`}
                size="xs"
                variant="light"
                data-testid="session-attendance"
              >
                {t('schedule.attendance')}
              </Button>
              {upcoming && (
                <>
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => onReschedule(session)}
                    data-testid="session-reschedule"
                  >
                    {t('schedule.reschedule')}
                  </Button>
                  <Button
                    size="xs"
                    color="red"
                    variant="subtle"
                    onClick={() => onCancel?.(session)}
                    data-testid="session-cancel"
                  >
                    {t('schedule.cancel')}
                  </Button>
                </>
              )}
            </Group>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
