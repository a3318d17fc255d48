import { useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DateTime } from 'luxon';
import { DEFAULT_TIME_ZONE } from '@mre/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { StartPreview } from '@/features/schedule/components/start-preview';
import { ErrorAlert } from '@/shared/components/error-alert';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useLocalize } from '@/shared/hooks/use-localize';
import { zoneAt } from '@/shared/lib/zoned-time';
import { useCohortQuizzes, useScheduleQuiz, useUnscheduleQuiz, type CohortQuiz } from '../api/quizzes.api';
import { useFormatInstant } from '../hooks/use-format-instant';

const STATE_COLORS = { 'not-scheduled': 'gray', upcoming: 'blue', open: 'green', closed: 'dark' } as const;

/** The course's quizzes as the cohort runs them: when each opens and closes, how many took it, the results. */
export function CohortQuizzes({ cohortId, canRun }: { cohortId: string; canRun: boolean }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const formatInstant = useFormatInstant();
  const quizzes = useCohortQuizzes(cohortId);
  const [scheduling, setScheduling] = useState<CohortQuiz | null>(null);
  return (
    <Stack gap="sm" component="section" aria-labelledby="cohort-quizzes" data-testid="cohort-quizzes">
      <Title order={2} id="cohort-quizzes">
        {t('quizzes.cohort.title')}
      </Title>
      {quizzes.isPending ? (
        <LoadingState />
      ) : quizzes.isLoadingError ? (
        <ErrorState error={quizzes.error} onRetry={() => void quizzes.refetch()} />
      ) : quizzes.data.length === 0 ? (
        <Text c="dimmed">{t('quizzes.cohort.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('quizzes.cohort.quiz')}</Table.Th>
                <Table.Th>{t('quizzes.cohort.when')}</Table.Th>
                <Table.Th>{t('quizzes.cohort.submitted')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {quizzes.data.map((quiz) => (
                <Table.Tr key={quiz.quizId} data-testid="cohort-quiz">
                  <Table.Td>
                    <Text dir="auto" fw={500}>
                      {localize(quiz.title)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`quizzes.purpose.${quiz.purpose}`)} ·{' '}
                      {t('quizzes.questions', { count: quiz.questionCount })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATE_COLORS[quiz.state]} variant="light">
                      {t(`quizzes.state.${quiz.state}`)}
                    </Badge>
                    {quiz.opensAt && (
                      <Text size="xs" c="dimmed">
                        {formatInstant(quiz.opensAt)}
                        {quiz.closesAt ? ` → ${formatInstant(quiz.closesAt)}` : ''}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{quiz.submittedCount ?? 0}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {canRun && (
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setScheduling(quiz)}
                          data-testid="cohort-quiz-schedule"
                        >
                          {t('quizzes.cohort.schedule')}
                        </Button>
                      )}
                      <Anchor component={Link} to={`/cohorts/${cohortId}/quizzes/${quiz.quizId}`} size="sm">
                        {t('quizzes.cohort.results')}
                      </Anchor>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {scheduling && (
        <ScheduleModal cohortId={cohortId} quiz={scheduling} onClose={() => setScheduling(null)} />
      )}
    </Stack>
  );
}

/**
 * `datetime-local` values read and written in the cohort's zone (the centres' zone, as the session
 * form does), with the same instant in the person's own zone beside it when that is another.
 */
function ScheduleModal({
  cohortId,
  quiz,
  onClose,
}: {
  cohortId: string;
  quiz: CohortQuiz;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { timeZone: ownZone } = useCurrentUser();
  const timeZone = DEFAULT_TIME_ZONE;
  const toLocal = (iso: string | null) =>
    iso ? (DateTime.fromISO(iso, { zone: timeZone }).toFormat("yyyy-MM-dd'T'HH:mm") ?? '') : '';
  const [opensAt, setOpensAt] = useState(toLocal(quiz.opensAt ?? new Date().toISOString()));
  const [closesAt, setClosesAt] = useState(toLocal(quiz.closesAt));
  const schedule = useScheduleQuiz(cohortId);
  const unschedule = useUnscheduleQuiz(cohortId);
  const toIso = (local: string) => DateTime.fromISO(local, { zone: timeZone }).toISO() ?? local;
  return (
    <Modal opened onClose={onClose} title={<bdi>{localize(quiz.title)}</bdi>}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('quizzes.cohort.zone', { zone: zoneAt(new Date(), timeZone) })}
        </Text>
        <TextInput
          type="datetime-local"
          label={t('quizzes.cohort.opensAt')}
          value={opensAt}
          onChange={(e) => setOpensAt(e.currentTarget.value)}
          required
          data-testid="quiz-opens-at"
        />
        <TextInput
          type="datetime-local"
          label={t('quizzes.cohort.closesAt')}
          description={t('quizzes.cohort.closesHint')}
          value={closesAt}
          onChange={(e) => setClosesAt(e.currentTarget.value)}
          data-testid="quiz-closes-at"
        />
        {opensAt && <StartPreview startsAt={toIso(opensAt)} zones={[timeZone, ownZone]} />}
        {schedule.error && <ErrorAlert error={schedule.error} />}
        {unschedule.error && <ErrorAlert error={unschedule.error} />}
        <Group justify="space-between">
          {quiz.state !== 'not-scheduled' ? (
            <Button
              variant="subtle"
              color="red"
              loading={unschedule.isPending}
              onClick={() => unschedule.mutate(quiz.quizId, { onSuccess: onClose })}
            >
              {t('quizzes.cohort.unschedule')}
            </Button>
          ) : (
            <span />
          )}
          <Button
            disabled={opensAt === ''}
            loading={schedule.isPending}
            onClick={() =>
              schedule.mutate(
                {
                  quizId: quiz.quizId,
                  body: { opensAt: toIso(opensAt), closesAt: closesAt ? toIso(closesAt) : null },
                },
                { onSuccess: onClose },
              )
            }
            data-testid="quiz-schedule-save"
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
