import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useRecentSessions, type LiveSession } from '../api/schedule.api';
import { SessionCard } from './session-card';

interface RecentSessionsProps {
  timeZone: string;
  now: number;
  cohortName: (id: string) => string | undefined;
  isStaff: (session: LiveSession) => boolean;
}

/** The sessions of the last month, latest first: where a missed class's recording is found. */
export function RecentSessions({ timeZone, now, cohortName, isStaff }: RecentSessionsProps) {
  const { t } = useTranslation();
  const recent = useRecentSessions();
  return (
    <Stack gap="xs" component="section" data-testid="schedule-recent">
      <Title order={2} size="h3">
        {t('schedule.recent')}
      </Title>
      {recent.isPending ? (
        <LoadingState />
      ) : recent.isError ? (
        <ErrorState error={recent.error} onRetry={() => void recent.refetch()} />
      ) : recent.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('schedule.recentEmpty')}
        </Text>
      ) : (
        recent.data.map((session) => (
          <SessionCard
            key={session.id}
            session={session}
            cohortName={cohortName(session.cohortId)}
            timeZone={timeZone}
            now={now}
            isStaff={isStaff(session)}
            onReschedule={() => undefined}
          />
        ))
      )}
    </Stack>
  );
}
