import { useEffect, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '@/shared/components/error-alert';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useLocale } from '@/shared/hooks/use-locale';
import { useLocalize } from '@/shared/hooks/use-localize';
import { formatPercent } from '@/shared/lib/format-percent';
import { useNow } from '@/features/schedule/hooks/use-now';
import { useAttempt, useSubmitAttempt, type Attempt } from '../api/quizzes.api';
import { useAnswerSync, type AnswerValue } from '../hooks/use-answer-sync';

type Question = Attempt['questions'][number];

/** A trainee's attempt: answered one question at a time, saved as it goes; its result once submitted. */
export default function AttemptPage() {
  const { id = '' } = useParams();
  const attempt = useAttempt(id);
  if (attempt.isPending) return <LoadingState />;
  if (attempt.isLoadingError)
    return <ErrorState error={attempt.error} onRetry={() => void attempt.refetch()} />;
  return attempt.data.status === 'submitted' ? (
    <AttemptResult attempt={attempt.data} />
  ) : (
    <TakeAttempt attempt={attempt.data} onTimeUp={() => void attempt.refetch()} />
  );
}

function TakeAttempt({ attempt, onTimeUp }: { attempt: Attempt; onTimeUp: () => void }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const sync = useAnswerSync(attempt);
  const submit = useSubmitAttempt(attempt);
  const [confirming, setConfirming] = useState(false);
  const unanswered = attempt.questions.filter((q) => isBlank(sync.answers[q.id])).length;

  return (
    <Stack gap="md" maw={760}>
      <Anchor component={Link} to="/home" size="sm">
        {t('quizzes.take.back')}
      </Anchor>
      <Title order={1} dir="auto">
        {localize(attempt.title)}
      </Title>
      <Group gap="sm" wrap="wrap">
        {attempt.deadlineAt && <Countdown deadline={attempt.deadlineAt} onTimeUp={onTimeUp} />}
        <SyncStatus status={sync.status} />
      </Group>
      {sync.status === 'time-up' && (
        <Alert color="orange" data-testid="attempt-time-up">
          {t('quizzes.take.timeUp')}{' '}
          <Button variant="subtle" size="compact-sm" onClick={onTimeUp}>
            {t('quizzes.take.seeResult')}
          </Button>
        </Alert>
      )}
      {attempt.questions.map((question, index) => (
        <QuestionCard
          key={question.id}
          question={question}
          index={index}
          value={sync.answers[question.id] ?? null}
          onChange={(value) => sync.setAnswer(question.id, value)}
        />
      ))}
      {submit.error && <ErrorAlert error={submit.error} />}
      {confirming ? (
        <Card withBorder data-testid="attempt-confirm">
          <Text mb="sm">
            {unanswered > 0
              ? t('quizzes.take.confirmUnanswered', { count: unanswered })
              : t('quizzes.take.confirm')}
          </Text>
          <Group>
            <Button
              loading={submit.isPending}
              onClick={() => submit.mutate(sync.all(), { onSuccess: () => sync.forget() })}
              data-testid="attempt-submit-confirm"
            >
              {t('quizzes.take.submit')}
            </Button>
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Card>
      ) : (
        <Button size="md" onClick={() => setConfirming(true)} data-testid="attempt-submit">
          {t('quizzes.take.submit')}
        </Button>
      )}
    </Stack>
  );
}

function QuestionCard({
  question,
  index,
  value,
  onChange,
}: {
  question: Question;
  index: number;
  value: AnswerValue;
  onChange: (value: AnswerValue) => void;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const legend = (
    <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
      <Text fw={600} dir="auto">
        {index + 1}. {localize(question.prompt)}
      </Text>
      <Badge variant="light" style={{ flexShrink: 0 }}>
        {t('quizzes.points', { count: question.points })}
      </Badge>
    </Group>
  );
  const testId = `question-${index + 1}`;
  const choices = question.choices ?? [];
  return (
    <Card withBorder padding="md" data-testid={testId} data-kind={question.kind}>
      {question.kind === 'single' || question.kind === 'true-false' ? (
        <Radio.Group
          label={legend}
          value={
            question.kind === 'true-false'
              ? value === null
                ? null
                : String(value)
              : Array.isArray(value)
                ? (value[0] ?? null)
                : null
          }
          onChange={(picked) => onChange(question.kind === 'true-false' ? picked === 'true' : [picked])}
        >
          <Stack gap="xs" mt="xs">
            {question.kind === 'true-false' ? (
              <>
                <Radio value="true" label={t('quizzes.true')} />
                <Radio value="false" label={t('quizzes.false')} />
              </>
            ) : (
              choices.map((choice) => (
                <Radio key={choice.id} value={choice.id} label={<bdi>{localize(choice.text)}</bdi>} />
              ))
            )}
          </Stack>
        </Radio.Group>
      ) : question.kind === 'multiple' ? (
        <Checkbox.Group
          label={legend}
          description={t('quizzes.take.several')}
          value={Array.isArray(value) ? value : []}
          onChange={(picked) => onChange(picked.length > 0 ? picked : null)}
        >
          <Stack gap="xs" mt="xs">
            {choices.map((choice) => (
              <Checkbox key={choice.id} value={choice.id} label={<bdi>{localize(choice.text)}</bdi>} />
            ))}
          </Stack>
        </Checkbox.Group>
      ) : (
        <TextInput
          label={legend}
          value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
          onChange={(event) => onChange(event.currentTarget.value === '' ? null : event.currentTarget.value)}
          inputMode={question.kind === 'numeric' ? 'decimal' : undefined}
          dir="auto"
          maxLength={question.kind === 'numeric' ? 50 : 500}
          description={question.kind === 'numeric' ? t('quizzes.take.numberHint') : undefined}
          data-testid={`${testId}-input`}
        />
      )}
    </Card>
  );
}

function isBlank(value: AnswerValue | undefined): boolean {
  return (
    value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

function SyncStatus({ status }: { status: ReturnType<typeof useAnswerSync>['status'] }) {
  const { t } = useTranslation();
  const color = { saved: 'green', saving: 'blue', offline: 'orange', 'time-up': 'gray', error: 'red' }[
    status
  ];
  return (
    <Badge color={color} variant="light" role="status" aria-live="polite" data-testid="attempt-sync">
      {t(`quizzes.sync.${status}`)}
    </Badge>
  );
}

/** The time left, by the server's deadline; when it is over, the page asks the server for the result. */
function Countdown({ deadline, onTimeUp }: { deadline: string; onTimeUp: () => void }) {
  const { t } = useTranslation();
  const now = useNow(1000);
  const left = Math.max(0, Date.parse(deadline) - now);
  // The server keeps a short grace for answers on their way: ask for the result a little after.
  const over = now - Date.parse(deadline) > 5_000;
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    if (!over || asked) return;
    setAsked(true);
    onTimeUp();
  }, [over, asked, onTimeUp]);
  const minutes = Math.floor(left / 60_000);
  const seconds = Math.floor((left % 60_000) / 1000);
  return (
    <Badge
      color={left < 60_000 ? 'red' : 'gray'}
      variant="outline"
      size="lg"
      data-testid="attempt-countdown"
      aria-label={t('quizzes.take.timeLeft', { minutes, seconds })}
    >
      <bdi dir="ltr">
        {String(minutes).padStart(2, '0')}:{String(seconds).padStart(2, '0')}
      </bdi>
    </Badge>
  );
}

function AttemptResult({ attempt }: { attempt: Attempt }) {
  const { t } = useTranslation();
  const [locale] = useLocale();
  const localize = useLocalize();
  const result = attempt.result;
  const feedback = new Map((result?.questions ?? []).map((q) => [q.questionId, q]));
  return (
    <Stack gap="md" maw={760}>
      <Anchor component={Link} to="/home" size="sm">
        {t('quizzes.take.back')}
      </Anchor>
      <Title order={1} dir="auto">
        {localize(attempt.title)}
      </Title>
      {result && (
        <Card withBorder data-testid="attempt-result">
          <Group justify="space-between" wrap="wrap">
            <Stack gap={2}>
              <Text size="sm" c="dimmed">
                {t('quizzes.result.score')}
              </Text>
              <Text fz="xl" fw={700} data-testid="attempt-score">
                {t('quizzes.result.points', { score: result.score, max: result.maxScore })} ·{' '}
                {formatPercent(result.percent / 100, locale, 1)}
              </Text>
            </Stack>
            <Badge size="lg" color={result.passed ? 'green' : 'orange'} data-testid="attempt-passed">
              {result.passed ? t('quizzes.result.passed') : t('quizzes.result.notPassed')}
            </Badge>
          </Group>
          {attempt.autoSubmitted && (
            <Text size="sm" c="dimmed" mt="xs">
              {t('quizzes.result.autoSubmitted')}
            </Text>
          )}
        </Card>
      )}
      {attempt.questions.map((question, index) => {
        const item = feedback.get(question.id);
        return (
          <Card key={question.id} withBorder padding="md" data-testid={`result-${index + 1}`}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text fw={600} dir="auto">
                {index + 1}. {localize(question.prompt)}
              </Text>
              {item && (
                <Badge color={item.correct ? 'green' : 'red'} variant="light" style={{ flexShrink: 0 }}>
                  {item.correct ? t('quizzes.result.right') : t('quizzes.result.wrong')}
                </Badge>
              )}
            </Group>
            <Text size="sm" mt="xs">
              {t('quizzes.result.yourAnswer')}{' '}
              <bdi>{answerText(question, attempt.answers[question.id], localize, t) || '—'}</bdi>
            </Text>
            {item && !item.correct && (
              <Text size="sm" c="dimmed">
                {t('quizzes.result.rightAnswer')} <bdi>{rightText(question, item, localize, t)}</bdi>
              </Text>
            )}
          </Card>
        );
      })}
    </Stack>
  );
}

type Localize = ReturnType<typeof useLocalize>;
type Translate = ReturnType<typeof useTranslation>['t'];
type Feedback = NonNullable<NonNullable<Attempt['result']>['questions']>[number];

function answerText(
  question: Question,
  answer: AnswerValue | undefined,
  localize: Localize,
  t: Translate,
): string {
  if (answer === undefined || answer === null) return '';
  if (typeof answer === 'boolean') return answer ? t('quizzes.true') : t('quizzes.false');
  if (Array.isArray(answer))
    return (question.choices ?? [])
      .filter((c) => answer.includes(c.id))
      .map((c) => localize(c.text))
      .join(' · ');
  return String(answer);
}

function rightText(question: Question, item: Feedback, localize: Localize, t: Translate): string {
  if (item.correctChoiceIds) return answerText(question, item.correctChoiceIds, localize, t);
  if (item.correctAnswer !== undefined) return item.correctAnswer ? t('quizzes.true') : t('quizzes.false');
  if (item.acceptedAnswers) return item.acceptedAnswers.join(' · ');
  if (item.value !== undefined)
    return item.tolerance ? `${item.value} ± ${item.tolerance}` : String(item.value);
  return '';
}
