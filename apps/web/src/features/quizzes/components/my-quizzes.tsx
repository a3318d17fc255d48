import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '@/shared/components/error-alert';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useLocale } from '@/shared/hooks/use-locale';
import { useLocalize } from '@/shared/hooks/use-localize';
import { formatPercent } from '@/shared/lib/format-percent';
import { useQuizzesOfCohorts, useStartAttempt, type CohortQuiz } from '../api/quizzes.api';
import { useFormatInstant } from '../hooks/use-format-instant';

/** The quizzes the trainee's cohorts opened (or will open), with what to do next on each. */
export function MyQuizzes({ cohortIds }: { cohortIds: string[] }) {
  const { t } = useTranslation();
  const quizzes = useQuizzesOfCohorts(cohortIds);
  if (quizzes.isPending) return <LoadingState />;
  if (quizzes.error) return <ErrorState error={quizzes.error} onRetry={quizzes.refetch} />;
  const shown = quizzes.lists.flatMap(({ cohortId, quizzes: list }) =>
    list.filter((q) => q.state !== 'not-scheduled').map((quiz) => ({ cohortId, quiz })),
  );
  if (shown.length === 0)
    return (
      <Text c="dimmed" data-testid="my-quizzes-empty">
        {t('quizzes.mine.empty')}
      </Text>
    );
  return (
    <Stack gap="xs" data-testid="my-quizzes">
      {shown.map(({ cohortId, quiz }) => (
        <QuizRow key={`${cohortId}:${quiz.quizId}`} cohortId={cohortId} quiz={quiz} />
      ))}
    </Stack>
  );
}

function QuizRow({ cohortId, quiz }: { cohortId: string; quiz: CohortQuiz }) {
  const { t } = useTranslation();
  const [locale] = useLocale();
  const localize = useLocalize();
  const formatInstant = useFormatInstant();
  const navigate = useNavigate();
  const start = useStartAttempt(cohortId);
  const mine = quiz.mine;
  const left = quiz.attemptsAllowed - (mine?.attemptsUsed ?? 0);
  const canStart = quiz.state === 'open' && (mine?.inProgressAttemptId || left > 0);
  return (
    <Card withBorder padding="sm" data-testid="my-quiz">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={600} dir="auto">
            {localize(quiz.title)}
          </Text>
          <Badge variant="light" style={{ flexShrink: 0 }}>
            {t(`quizzes.purpose.${quiz.purpose}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {quiz.state === 'upcoming' && quiz.opensAt
            ? t('quizzes.mine.opens', { at: formatInstant(quiz.opensAt) })
            : quiz.state === 'closed'
              ? t('quizzes.mine.closed')
              : quiz.closesAt
                ? t('quizzes.mine.closes', { at: formatInstant(quiz.closesAt) })
                : t('quizzes.mine.open')}
          {' · '}
          {t('quizzes.questions', { count: quiz.questionCount })}
          {quiz.timeLimitMinutes ? ` · ${t('quizzes.minutes', { count: quiz.timeLimitMinutes })}` : ''}
        </Text>
        {mine && mine.bestPercent !== null && (
          <Text size="sm" data-testid="my-quiz-best">
            {t('quizzes.mine.best', { percent: formatPercent(mine.bestPercent / 100, locale, 1) })}{' '}
            {mine.passed ? `· ${t('quizzes.result.passed')}` : ''}
          </Text>
        )}
        {start.error && <ErrorAlert error={start.error} />}
        <Group gap="xs">
          {canStart && (
            <Button
              size="sm"
              loading={start.isPending}
              onClick={() =>
                start.mutate(quiz.quizId, {
                  onSuccess: (attempt) => void navigate(`/attempts/${attempt.id}`),
                })
              }
              data-testid="my-quiz-start"
            >
              {mine?.inProgressAttemptId ? t('quizzes.mine.continue') : t('quizzes.mine.start')}
            </Button>
          )}
          {mine?.lastAttemptId && (
            <Button component={Link} to={`/attempts/${mine.lastAttemptId}`} size="sm" variant="light">
              {t('quizzes.mine.result')}
            </Button>
          )}
          {quiz.state === 'open' && !canStart && (
            <Text size="sm" c="dimmed">
              {t('quizzes.mine.noAttemptsLeft')}
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
