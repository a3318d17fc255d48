import { useState } from 'react';
import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { QUESTION_KINDS, QUIZ_PURPOSES, type QuestionKind, type QuizPurpose } from '@mre/contracts';
import { ConfirmButton } from '@/shared/components/confirm-button';
import { ErrorAlert } from '@/shared/components/error-alert';
import { compactLocalized, LocalizedTextFields } from '@/shared/components/localized-text-fields';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import {
  useDeleteQuiz,
  useQuiz,
  useRegradeQuiz,
  useSaveQuiz,
  type Quiz,
  type QuizInput,
  type QuestionInput,
} from '../api/quizzes.api';

/** A new quiz, or one to change: its settings and questions (routes …/quizzes/new and …/quizzes/:quizId). */
export default function QuizEditorPage() {
  const { id = '', moduleId = '', quizId } = useParams();
  const editing = quizId !== undefined && quizId !== 'new';
  const quiz = useQuiz({ courseId: id, moduleId, quizId: editing ? quizId : undefined });
  if (editing && quiz.isPending) return <LoadingState />;
  if (editing && quiz.isLoadingError)
    return <ErrorState error={quiz.error} onRetry={() => void quiz.refetch()} />;
  return (
    <QuizForm
      key={quiz.data?.id ?? 'new'}
      courseId={id}
      moduleId={moduleId}
      quiz={editing ? quiz.data : undefined}
    />
  );
}

const emptyQuestion = (kind: QuestionKind = 'single'): QuestionInput => ({
  kind,
  prompt: {},
  points: 1,
  ...(kind === 'single' || kind === 'multiple'
    ? {
        choices: [
          { text: {}, correct: true },
          { text: {}, correct: false },
        ],
      }
    : kind === 'true-false'
      ? { correct: true }
      : kind === 'short'
        ? { accepted: [] }
        : { value: 0, tolerance: 0 }),
});

function QuizForm({ courseId, moduleId, quiz }: { courseId: string; moduleId: string; quiz?: Quiz }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveQuiz({ courseId, moduleId });
  const remove = useDeleteQuiz({ courseId, moduleId });
  const regrade = useRegradeQuiz({ courseId, moduleId });
  const [draft, setDraft] = useState<QuizInput>(() =>
    quiz
      ? {
          title: quiz.title,
          purpose: quiz.purpose,
          passPercent: quiz.passPercent,
          timeLimitMinutes: quiz.timeLimitMinutes,
          attemptsAllowed: quiz.attemptsAllowed,
          shuffleQuestions: quiz.shuffleQuestions,
          shuffleChoices: quiz.shuffleChoices,
          showFeedback: quiz.showFeedback,
          questions: quiz.questions,
        }
      : {
          title: {},
          purpose: 'practice',
          passPercent: 50,
          timeLimitMinutes: null,
          attemptsAllowed: 1,
          shuffleQuestions: false,
          shuffleChoices: false,
          showFeedback: true,
          questions: [emptyQuestion()],
        },
  );
  const set = (patch: Partial<QuizInput>) => setDraft((current) => ({ ...current, ...patch }));
  const setQuestion = (index: number, question: QuestionInput) =>
    set({ questions: draft.questions.map((q, i) => (i === index ? question : q)) });
  const back = `/courses/${courseId}/edit`;

  const submit = () => {
    const body: QuizInput = {
      ...draft,
      title: compactLocalized(draft.title),
      questions: draft.questions.map((q) => ({
        ...q,
        prompt: compactLocalized(q.prompt),
        choices: q.choices?.map((c) => ({ ...c, text: compactLocalized(c.text) })),
      })),
    };
    save.mutate(
      { quizId: quiz?.id, body },
      { onSuccess: (saved) => void navigate(`/courses/${courseId}/modules/${moduleId}/quizzes/${saved.id}`) },
    );
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to={back} size="sm">
        {t('quizzes.editor.back')}
      </Anchor>
      <Title order={1}>{quiz ? t('quizzes.editor.editTitle') : t('quizzes.editor.newTitle')}</Title>
      <LocalizedTextFields
        label={t('quizzes.editor.title')}
        value={draft.title}
        onChange={(title) => set({ title })}
        testIdPrefix="quiz-title"
      />
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Select
          label={t('quizzes.editor.purpose')}
          data={QUIZ_PURPOSES.map((p) => ({ value: p, label: t(`quizzes.purpose.${p}`) }))}
          value={draft.purpose}
          onChange={(purpose) => purpose && set({ purpose: purpose as QuizPurpose })}
          allowDeselect={false}
          data-testid="quiz-purpose"
        />
        <NumberInput
          label={t('quizzes.editor.passPercent')}
          min={0}
          max={100}
          value={draft.passPercent}
          onChange={(value) => set({ passPercent: Number(value) || 0 })}
        />
        <NumberInput
          label={t('quizzes.editor.timeLimit')}
          description={t('quizzes.editor.timeLimitHint')}
          min={1}
          max={600}
          value={draft.timeLimitMinutes ?? ''}
          onChange={(value) => set({ timeLimitMinutes: value === '' ? null : Number(value) })}
        />
        <NumberInput
          label={t('quizzes.editor.attempts')}
          min={1}
          max={20}
          value={draft.attemptsAllowed}
          onChange={(value) => set({ attemptsAllowed: Number(value) || 1 })}
        />
      </SimpleGrid>
      <Group gap="lg">
        <Switch
          label={t('quizzes.editor.shuffleQuestions')}
          checked={draft.shuffleQuestions}
          onChange={(e) => set({ shuffleQuestions: e.currentTarget.checked })}
        />
        <Switch
          label={t('quizzes.editor.shuffleChoices')}
          checked={draft.shuffleChoices}
          onChange={(e) => set({ shuffleChoices: e.currentTarget.checked })}
        />
        <Switch
          label={t('quizzes.editor.showFeedback')}
          checked={draft.showFeedback}
          onChange={(e) => set({ showFeedback: e.currentTarget.checked })}
        />
      </Group>
      <Title order={2} size="h3">
        {t('quizzes.editor.questions')}
      </Title>
      {draft.questions.map((question, index) => (
        <QuestionEditor
          key={question.id ?? `new-${index}`}
          index={index}
          question={question}
          onChange={(q) => setQuestion(index, q)}
          onRemove={
            draft.questions.length > 1
              ? () => set({ questions: draft.questions.filter((_, i) => i !== index) })
              : undefined
          }
        />
      ))}
      <Button
        variant="light"
        onClick={() => set({ questions: [...draft.questions, emptyQuestion()] })}
        data-testid="quiz-add-question"
      >
        {t('quizzes.editor.addQuestion')}
      </Button>
      {save.error && <ErrorAlert error={save.error} />}
      {remove.error && <ErrorAlert error={remove.error} />}
      {regrade.error && <ErrorAlert error={regrade.error} />}
      {regrade.data && (
        <Text role="status" data-testid="quiz-regraded">
          {t('quizzes.editor.regraded', { count: regrade.data.regraded, changed: regrade.data.changed })}
        </Text>
      )}
      <Group>
        <Button onClick={submit} loading={save.isPending} data-testid="quiz-save">
          {t('common.save')}
        </Button>
        {quiz && (
          <Button variant="default" onClick={() => regrade.mutate(quiz.id)} loading={regrade.isPending}>
            {t('quizzes.editor.regrade')}
          </Button>
        )}
        {quiz && (
          <ConfirmButton
            label={t('common.delete')}
            loading={remove.isPending}
            onConfirm={() => remove.mutate(quiz.id, { onSuccess: () => void navigate(back) })}
            testId="quiz-delete"
          />
        )}
      </Group>
    </Stack>
  );
}

function QuestionEditor({
  index,
  question,
  onChange,
  onRemove,
}: {
  index: number;
  question: QuestionInput;
  onChange: (question: QuestionInput) => void;
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const set = (patch: Partial<QuestionInput>) => onChange({ ...question, ...patch });
  const choices = question.choices ?? [];
  const setChoice = (i: number, patch: Partial<(typeof choices)[number]>) =>
    set({
      choices: choices.map((c, j) =>
        j === i
          ? { ...c, ...patch }
          : question.kind === 'single' && patch.correct
            ? { ...c, correct: false }
            : c,
      ),
    });
  const testId = `quiz-question-${index + 1}`;
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Text fw={600}>{t('quizzes.editor.questionN', { n: index + 1 })}</Text>
          {onRemove && (
            <Button variant="subtle" color="red" size="xs" onClick={onRemove}>
              {t('quizzes.editor.removeQuestion')}
            </Button>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('quizzes.editor.kind')}
            data={QUESTION_KINDS.map((k) => ({ value: k, label: t(`quizzes.kind.${k}`) }))}
            value={question.kind}
            onChange={(kind) =>
              kind &&
              onChange({ ...emptyQuestion(kind as QuestionKind), id: question.id, prompt: question.prompt })
            }
            allowDeselect={false}
            data-testid={`${testId}-kind`}
          />
          <NumberInput
            label={t('quizzes.editor.points')}
            min={1}
            max={100}
            value={question.points ?? 1}
            onChange={(value) => set({ points: Number(value) || 1 })}
          />
        </SimpleGrid>
        <LocalizedTextFields
          label={t('quizzes.editor.prompt')}
          value={question.prompt}
          onChange={(prompt) => set({ prompt })}
          testIdPrefix={`${testId}-prompt`}
          multiline
        />
        {(question.kind === 'single' || question.kind === 'multiple') && (
          <Stack gap="xs">
            {choices.map((choice, i) => (
              <Group key={choice.id ?? i} align="flex-end" wrap="nowrap" gap="xs">
                <Checkbox
                  mb={8}
                  checked={choice.correct ?? false}
                  onChange={(e) => setChoice(i, { correct: e.currentTarget.checked })}
                  aria-label={t('quizzes.editor.correctChoice', { n: i + 1 })}
                  data-testid={`${testId}-choice-${i + 1}-correct`}
                />
                <div style={{ flex: 1 }}>
                  <LocalizedTextFields
                    label={t('quizzes.editor.choiceN', { n: i + 1 })}
                    value={choice.text}
                    onChange={(text) => setChoice(i, { text })}
                    testIdPrefix={`${testId}-choice-${i + 1}`}
                  />
                </div>
                {choices.length > 2 && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mb={4}
                    onClick={() => set({ choices: choices.filter((_, j) => j !== i) })}
                    aria-label={t('quizzes.editor.removeChoice', { n: i + 1 })}
                  >
                    ×
                  </ActionIcon>
                )}
              </Group>
            ))}
            <Button
              variant="subtle"
              size="xs"
              onClick={() => set({ choices: [...choices, { text: {}, correct: false }] })}
              data-testid={`${testId}-add-choice`}
            >
              {t('quizzes.editor.addChoice')}
            </Button>
          </Stack>
        )}
        {question.kind === 'true-false' && (
          <Select
            label={t('quizzes.editor.rightAnswer')}
            data={[
              { value: 'true', label: t('quizzes.true') },
              { value: 'false', label: t('quizzes.false') },
            ]}
            value={String(question.correct ?? true)}
            onChange={(value) => set({ correct: value === 'true' })}
            allowDeselect={false}
          />
        )}
        {question.kind === 'short' && (
          <TagsInput
            label={t('quizzes.editor.accepted')}
            description={t('quizzes.editor.acceptedHint')}
            value={question.accepted ?? []}
            onChange={(accepted) => set({ accepted })}
            dir="auto"
            data-testid={`${testId}-accepted`}
          />
        )}
        {question.kind === 'numeric' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t('quizzes.editor.value')}
              value={question.value ?? 0}
              decimalScale={6}
              onChange={(value) => set({ value: Number(value) })}
              data-testid={`${testId}-value`}
            />
            <NumberInput
              label={t('quizzes.editor.tolerance')}
              min={0}
              decimalScale={6}
              value={question.tolerance ?? 0}
              onChange={(value) => set({ tolerance: Number(value) || 0 })}
            />
          </SimpleGrid>
        )}
      </Stack>
    </Card>
  );
}
