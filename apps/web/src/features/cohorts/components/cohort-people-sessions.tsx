import { Anchor, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@mre/api-client';
import { EmptyResult } from '@/shared/components/empty-result';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useLocalize } from '@/shared/hooks/use-localize';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { useCohortSessions } from '@/features/schedule/api/schedule.api';
import { SessionTime } from '@/features/schedule/components/session-time';

/** Who teaches the cohort. */
export function CohortTeachers({ teachers }: { teachers: Schemas['CohortTeacherDto'][] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" data-testid="cohort-teachers">
      <Title order={2}>{t('cohorts.page.teachers')}</Title>
      {teachers.length === 0 ? (
        <Text c="dimmed">{t('cohorts.page.noTeachers')}</Text>
      ) : (
        <List>
          {teachers.map((teacher) => (
            <List.Item key={teacher.id} data-testid="cohort-teacher">
              <bdi>{teacher.fullName}</bdi>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

/**
 * The cohort's sessions from its first day, in the viewer's zone, each leading to its page (the
 * class, its recordings and kept chat) and, for the cohort's staff, to its attendance.
 */
export function CohortSessions({
  cohortId,
  startsOn,
  staff,
}: {
  cohortId: string;
  startsOn: string;
  staff: boolean;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { timeZone } = useCurrentUser();
  const sessions = useCohortSessions(cohortId, startsOn);
  return (
    <Stack gap="xs" component="section" data-testid="cohort-sessions">
      <Title order={2}>{t('cohorts.page.sessions')}</Title>
      {sessions.isPending ? (
        <LoadingState />
      ) : sessions.isLoadingError ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : sessions.data.items.length === 0 ? (
        <EmptyResult title={t('cohorts.page.noSessions')} />
      ) : (
        sessions.data.items.map((session) => (
          <Paper key={session.id} withBorder p="sm" data-testid="cohort-session">
            <Group justify="space-between" align="flex-start" gap="xs">
              <Stack gap={2} style={{ flex: 1, minWidth: 200 }}>
                <Text
                  fw={600}
                  dir="auto"
                  td={session.status === 'cancelled' ? 'line-through' : undefined}
                  data-testid="cohort-session-title"
                >
                  {localize(session.titles)}
                </Text>
                <SessionTime session={session} timeZone={timeZone} withDate />
                <Group gap="md">
                  <Anchor component={Link} to={`/sessions/${session.id}/classroom`} size="sm">
                    {t('schedule.openSession')}
                  </Anchor>
                  {staff && (
                    <Anchor
                      component={Link}
                      to={`/sessions/${session.id}/attendance`}
                      size="sm"
                      data-testid="cohort-session-attendance"
                    >
                      {t('schedule.attendance')}
                    </Anchor>
                  )}
                </Group>
              </Stack>
              {session.status === 'cancelled' && (
                <Badge color="red" size="sm">
                  {t('schedule.status.cancelled')}
                </Badge>
              )}
            </Group>
          </Paper>
        ))
      )}
    </Stack>
  );
}
