import { intlLocale } from '@mre/contracts';
import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { useCohorts } from '@/features/cohorts/api/cohorts.api';
import { MyCourseCard } from '@/features/cohorts/components/my-course-card';
import { useNotifications } from '@/features/notifications/api/notifications.api';
import { useNotificationText } from '@/features/notifications/hooks/use-notification-text';
import { useSchedule, type LiveSession } from '@/features/schedule/api/schedule.api';
import { SessionCard } from '@/features/schedule/components/session-card';
import { useNow } from '@/features/schedule/hooks/use-now';
import { MyQuizzes } from '@/features/quizzes/components/my-quizzes';
import { EmptyResult } from '@/shared/components/empty-result';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useRestOfTextsOnceShown } from '@/shared/hooks/use-rest-of-texts';

/** As many of each as a phone screen takes; the full lists are one tap away. */
const COURSES_SHOWN = 4;
const NOTICES_SHOWN = 3;

/**
 * Where a trainee lands: their next session (with its join button once open), their courses with how
 * far through they are, and the latest notices. The catalogue is one tap away.
 */
export function TraineeHomePage() {
  useRestOfTextsOnceShown();
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center">
        <Title order={1}>{t('home.title', { name: user.fullName })}</Title>
        <Button component={Link} to="/courses" variant="light" data-testid="home-catalog">
          {t('home.catalog')}
        </Button>
      </Group>
      <NextSession />
      <Quizzes />
      <MyCourses />
      <Notices />
    </Stack>
  );
}

/** The quizzes of the trainee's cohorts (those the API lists for a trainee: the ones they are in). */
function Quizzes() {
  const { t } = useTranslation();
  const cohorts = useCohorts({ page: 1, pageSize: 20 });
  return (
    <Section title={t('quizzes.mine.title')} id="quizzes">
      {cohorts.isPending ? (
        <LoadingState />
      ) : cohorts.isLoadingError ? (
        <ErrorState error={cohorts.error} onRetry={() => void cohorts.refetch()} />
      ) : (
        <MyQuizzes cohortIds={cohorts.data.items.map((c) => c.id)} />
      )}
    </Section>
  );
}

function Section({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby={`home-${id}`} data-testid={`home-${id}`}>
      <Title order={2} size="h3" id={`home-${id}`}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function NextSession() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const schedule = useSchedule(1);
  const now = useNow();
  // The API lists coming sessions (those under way included) in time order; cancelled ones stay listed.
  const next: LiveSession | undefined = schedule.data?.items.find(
    (session) => session.status !== 'cancelled' && Date.parse(session.endsAt) > now,
  );
  return (
    <Section title={t('home.next.title')} id="next">
      {schedule.isPending ? (
        <LoadingState />
      ) : schedule.isError ? (
        <ErrorState error={schedule.error} onRetry={() => void schedule.refetch()} />
      ) : next ? (
        <SessionCard
          session={next}
          timeZone={user.timeZone}
          now={now}
          isStaff={false}
          onReschedule={() => {}}
        />
      ) : (
        <Text c="dimmed" data-testid="home-no-session">
          {t('home.next.none')}
        </Text>
      )}
      <Anchor component={Link} to="/schedule" size="sm">
        {t('home.next.all')}
      </Anchor>
    </Section>
  );
}

function MyCourses() {
  const { t } = useTranslation();
  const cohorts = useCohorts({ page: 1, pageSize: COURSES_SHOWN });
  return (
    <Section title={t('cohorts.mine.title')} id="courses">
      {cohorts.isPending ? (
        <LoadingState />
      ) : cohorts.isError ? (
        <ErrorState error={cohorts.error} onRetry={() => void cohorts.refetch()} />
      ) : cohorts.data.items.length === 0 ? (
        <EmptyResult title={t('cohorts.mine.empty')} description={t('cohorts.mine.emptyHint')} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {cohorts.data.items.map((cohort) => (
            <MyCourseCard key={cohort.id} cohort={cohort} />
          ))}
        </SimpleGrid>
      )}
      {cohorts.data && cohorts.data.total > COURSES_SHOWN && (
        <Anchor component={Link} to="/my-courses" size="sm">
          {t('home.courses.all', { count: cohorts.data.total })}
        </Anchor>
      )}
    </Section>
  );
}

function Notices() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const notifications = useNotifications();
  const text = useNotificationText();
  const date = new Intl.DateTimeFormat(intlLocale(i18n.language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: user.timeZone,
  });
  return (
    <Section title={t('home.notices.title')} id="notices">
      {notifications.isPending ? (
        <LoadingState />
      ) : notifications.isError ? (
        <ErrorState error={notifications.error} onRetry={() => void notifications.refetch()} />
      ) : notifications.data.items.length === 0 ? (
        <Text c="dimmed">{t('notifications.empty')}</Text>
      ) : (
        <Stack gap="xs">
          {notifications.data.items.slice(0, NOTICES_SHOWN).map((notification) => {
            const { message, to } = text(notification);
            return (
              <Paper key={notification.id} withBorder p="sm" data-testid="home-notice">
                {to ? (
                  <Anchor component={Link} to={to} size="sm">
                    {message}
                  </Anchor>
                ) : (
                  <Text size="sm">{message}</Text>
                )}
                <Text size="xs" c="dimmed">
                  {date.format(new Date(notification.createdAt))}
                </Text>
              </Paper>
            );
          })}
        </Stack>
      )}
    </Section>
  );
}
