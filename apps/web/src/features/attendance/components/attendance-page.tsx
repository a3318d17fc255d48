import { useState } from 'react';
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '@/shared/hooks/use-localize';
import { Link, useParams } from 'react-router';
import type { AttendanceStatus, Role } from '@mre/contracts';
import { ActionsHeader } from '@/shared/components/actions-header';
import { ErrorAlert } from '@/shared/components/error-alert';
import { EmptyResult } from '@/shared/components/empty-result';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { formatPercent } from '@/shared/lib/format-percent';
import { useLiveSession } from '@/features/schedule/api/schedule.api';
import { useNow } from '@/features/schedule/hooks/use-now';
import { SessionTime } from '@/features/schedule/components/session-time';
import { formatInZone } from '@/shared/lib/zoned-time';
import { useAttendance, useCheckIn, type AttendanceRow } from '../api/attendance.api';
import { CorrectionFormModal } from './correction-form-modal';

const STATUS_COLORS: Record<AttendanceStatus, string> = {
  present: 'green',
  late: 'yellow',
  absent: 'red',
  excused: 'blue',
};

/** Check-ins happen at the centre: its coordinator, or an admin. */
const CHECK_IN_ROLES: readonly Role[] = ['coordinator', 'admin'];

type Stage = 'not-started' | 'in-progress' | 'ended';

/** Where a session stands on the clock (a cancelled one counts as over). */
function sessionStage(session: { startsAt: string; endsAt: string; status: string }, now: number): Stage {
  if (session.status === 'cancelled' || now >= Date.parse(session.endsAt)) return 'ended';
  return now >= Date.parse(session.startsAt) ? 'in-progress' : 'not-started';
}

export function AttendancePage() {
  const { t, i18n } = useTranslation();
  const localize = useLocalize();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const session = useLiveSession(id);
  const attendance = useAttendance(id);
  const checkIn = useCheckIn(id);
  const [correcting, setCorrecting] = useState<AttendanceRow | null>(null);
  const now = useNow(30_000);
  // Until the end the page says where the session stands.
  const stage = session.data ? sessionStage(session.data, now) : 'ended';
  const started = stage !== 'not-started';
  const canCheckIn = started && session.data?.mode === 'hybrid' && CHECK_IN_ROLES.includes(user.role);

  // The API names the corrector by id only; the names this page knows cover the usual cases.
  const nameOf = (userId: string) =>
    userId === user.id
      ? user.fullName
      : (attendance.data?.items.find((row) => row.userId === userId)?.fullName ??
        t('attendance.someoneElse'));

  return (
    <Stack>
      <Anchor component={Link} to="/schedule" size="sm">
        {t('classroom.backToSchedule')}
      </Anchor>
      <Stack gap={4}>
        <Title order={1}>{t('attendance.title')}</Title>
        {session.data && (
          <>
            <Text fw={500} dir="auto" data-testid="attendance-session-title">
              {localize(session.data.titles)}
            </Text>
            <SessionTime session={session.data} timeZone={user.timeZone} withDate />
          </>
        )}
      </Stack>
      {stage !== 'ended' && (
        <Text size="sm" c="dimmed" data-testid="attendance-stage-note">
          {t(`attendance.stageNote.${stage}`)}
        </Text>
      )}
      {checkIn.isError && <ErrorAlert error={checkIn.error} />}
      {attendance.isPending ? (
        <LoadingState />
      ) : attendance.isError ? (
        <ErrorState error={attendance.error} onRetry={() => void attendance.refetch()} />
      ) : attendance.data.items.length === 0 ? (
        <EmptyResult title={t('attendance.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped data-testid="attendance-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.fullName')}</Table.Th>
                <Table.Th>{t('fields.status')}</Table.Th>
                <Table.Th>{t('attendance.minutes')}</Table.Th>
                <Table.Th>{t('attendance.percent')}</Table.Th>
                <Table.Th>{t('attendance.source.label')}</Table.Th>
                <Table.Th>{t('attendance.correction')}</Table.Th>
                <ActionsHeader />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {attendance.data.items.map((row) => (
                <Table.Tr key={row.userId} data-testid="attendance-row">
                  <Table.Td dir="auto">{row.fullName}</Table.Td>
                  {/* Next to the name, seen on a phone without scrolling; wide enough for the whole word
                      ("ABS…" and "PRÉ…" told a phone user nothing). */}
                  <Table.Td miw={140}>
                    {row.status === null ? (
                      // Nobody is absent before the end: the API leaves the status open until then.
                      <Badge color="gray" variant="light" data-testid="attendance-status">
                        {t(
                          stage === 'not-started'
                            ? 'attendance.stage.not-started'
                            : 'attendance.stage.in-progress',
                        )}
                      </Badge>
                    ) : (
                      <Badge
                        color={STATUS_COLORS[row.status]}
                        variant="light"
                        data-testid="attendance-status"
                      >
                        {t(`attendance.status.${row.status}`)}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{row.minutesPresent}</Table.Td>
                  <Table.Td>{formatPercent(row.percent / 100, i18n.language)}</Table.Td>
                  <Table.Td>{t(`attendance.source.${row.source}`)}</Table.Td>
                  <Table.Td>
                    {row.correctedAt && row.correctedBy && (
                      <Text size="xs" data-testid="attendance-correction">
                        {t('attendance.correctedBy', {
                          name: nameOf(row.correctedBy),
                          time: formatInZone(row.correctedAt, i18n.language, user.timeZone, {
                            dateStyle: 'short',
                            timeStyle: 'short',
                          }),
                        })}
                        <br />
                        <bdi>{row.correctionReason}</bdi>
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      {canCheckIn && row.source !== 'in_person' && (
                        <Button
                          size="xs"
                          variant="light"
                          loading={checkIn.isPending && checkIn.variables === row.userId}
                          onClick={() => checkIn.mutate(row.userId)}
                          data-testid="attendance-check-in"
                        >
                          {t('attendance.checkIn')}
                        </Button>
                      )}
                      <Button
                        size="xs"
                        variant="subtle"
                        // Corrections once the session has started: before, there is nothing to correct.
                        disabled={!started}
                        onClick={() => setCorrecting(row)}
                        data-testid="attendance-correct"
                      >
                        {t('attendance.correct')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {correcting && (
        <CorrectionFormModal sessionId={id} row={correcting} onClose={() => setCorrecting(null)} />
      )}
    </Stack>
  );
}
