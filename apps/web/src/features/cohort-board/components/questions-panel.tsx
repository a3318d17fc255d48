import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { BOARD_POST_MAX, QUESTION_WAITING_HOURS } from '@mre/contracts';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@mre/api-client';
import { formatFileSize } from '@/shared/lib/file-size';
import { ErrorAlert } from '@/shared/components/error-alert';
import { ListPagination } from '@/shared/components/list-pagination';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import {
  BOARD_PAGE_SIZE,
  type BoardAnswer,
  type BoardPermissions,
  type BoardQuestion,
  type Moderated,
  useAccept,
  useAnswer,
  useAsk,
  useDownloadQuestionFile,
  useModerate,
  usePin,
  useQuestions,
} from '../api/board.api';
import { BoardMeta } from './board-meta';
import { FormattingHint } from './formatting-hint';
import { RichText } from './rich-text';

export function QuestionsPanel({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useQuestions(cohortId, page);

  if (list.isPending) return <LoadingState />;
  if (list.isLoadingError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const { items, total, permissions, waitingCount } = list.data;
  return (
    <Stack gap="md">
      {waitingCount !== null && waitingCount > 0 && (
        <WaitingList cohortId={cohortId} permissions={permissions} count={waitingCount} />
      )}
      {permissions.ask && <PostForm kind="ask" cohortId={cohortId} />}
      {items.length === 0 ? (
        <Text c="dimmed" data-testid="questions-empty">
          {t('board.questions.empty')}
        </Text>
      ) : (
        items.map((question) => (
          <QuestionCard key={question.id} question={question} cohortId={cohortId} permissions={permissions} />
        ))
      )}
      <ListPagination page={page} pageSize={BOARD_PAGE_SIZE} total={total} onChange={setPage} />
    </Stack>
  );
}

/** For staff: the questions nobody has answered for 48 hours, oldest first. */
function WaitingList({
  cohortId,
  permissions,
  count,
}: {
  cohortId: string;
  permissions: BoardPermissions;
  count: number;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const waiting = useQuestions(cohortId, page, true);
  return (
    <Alert
      color="orange"
      variant="light"
      title={t('board.questions.waitingTitle', {
        count: waiting.data?.total ?? count,
        hours: QUESTION_WAITING_HOURS,
      })}
      data-testid="questions-waiting"
    >
      {waiting.isPending ? (
        <LoadingState />
      ) : waiting.isLoadingError ? (
        <ErrorState error={waiting.error} onRetry={() => void waiting.refetch()} />
      ) : (
        <Stack gap="sm">
          {waiting.data.items.map((question) => (
            <QuestionCard
              key={question.id}
              question={question}
              cohortId={cohortId}
              permissions={permissions}
            />
          ))}
          <ListPagination
            page={page}
            pageSize={BOARD_PAGE_SIZE}
            total={waiting.data.total}
            onChange={setPage}
          />
        </Stack>
      )}
    </Alert>
  );
}

function QuestionCard({
  question,
  cohortId,
  permissions,
}: {
  question: BoardQuestion;
  cohortId: string;
  permissions: BoardPermissions;
}) {
  const { t } = useTranslation();
  const pin = usePin(cohortId);
  const accept = useAccept(cohortId);
  const error = pin.error ?? accept.error;
  return (
    <Paper
      withBorder
      p="md"
      component="article"
      data-testid="question"
      style={question.hidden ? { opacity: 0.75, borderStyle: 'dashed' } : undefined}
    >
      <Stack gap="xs">
        <Group gap="xs">
          {question.pinned && (
            <Badge color="violet" data-testid="question-pinned">
              {t('board.questions.pinned')}
            </Badge>
          )}
          {question.acceptedAnswerId && <Badge color="green">{t('board.questions.solved')}</Badge>}
          {question.waiting && <Badge color="orange">{t('board.questions.waiting')}</Badge>}
          <HiddenBadge hidden={question.hidden} reason={question.hiddenReason} />
        </Group>
        <BoardMeta author={question.author} at={question.createdAt} />
        <RichText text={question.body} testId="question-body" />
        {question.attachment && <QuestionFile questionId={question.id} file={question.attachment} />}
        {(permissions.lead || permissions.moderate) && (
          <Group gap="xs">
            {permissions.lead && (
              <Button
                size="xs"
                variant="light"
                color="violet"
                loading={pin.isPending}
                onClick={() => pin.mutate({ questionId: question.id, pinned: !question.pinned })}
                data-testid="question-pin"
              >
                {question.pinned ? t('board.questions.unpin') : t('board.questions.pin')}
              </Button>
            )}
            {permissions.moderate && (
              <ModerateButton
                cohortId={cohortId}
                target={{ kind: 'question', id: question.id }}
                hidden={question.hidden}
              />
            )}
          </Group>
        )}
        {error && <ErrorAlert error={error} />}
        <Stack gap="xs" ps="md" style={{ borderInlineStart: '3px solid var(--mantine-color-gray-3)' }}>
          <Text size="sm" c="dimmed">
            {t('board.questions.answers', { count: question.answers.length })}
          </Text>
          {question.answers.map((answer) => (
            <AnswerItem
              key={answer.id}
              answer={answer}
              cohortId={cohortId}
              permissions={permissions}
              accepting={accept.isPending && accept.variables?.answerId === answer.id}
              onAccept={() => accept.mutate({ questionId: question.id, answerId: answer.id })}
            />
          ))}
          {!question.hidden && <PostForm kind="answer" cohortId={cohortId} questionId={question.id} />}
        </Stack>
      </Stack>
    </Paper>
  );
}

function AnswerItem({
  answer,
  cohortId,
  permissions,
  accepting,
  onAccept,
}: {
  answer: BoardAnswer;
  cohortId: string;
  permissions: BoardPermissions;
  accepting: boolean;
  onAccept: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper
      p="sm"
      bg={answer.accepted ? 'var(--mantine-color-green-light)' : undefined}
      withBorder={answer.hidden}
      style={answer.hidden ? { opacity: 0.75, borderStyle: 'dashed' } : undefined}
      data-testid="answer"
    >
      <Stack gap={4}>
        <Group gap="xs">
          {answer.accepted && (
            <Badge color="green" data-testid="answer-accepted">
              {t('board.questions.accepted')}
            </Badge>
          )}
          <HiddenBadge hidden={answer.hidden} reason={answer.hiddenReason} />
        </Group>
        <BoardMeta author={answer.author} at={answer.createdAt} />
        <RichText text={answer.body} testId="answer-body" />
        <Group gap="xs">
          {permissions.lead && !answer.accepted && !answer.hidden && (
            <Button
              size="xs"
              variant="light"
              color="green"
              loading={accepting}
              onClick={onAccept}
              data-testid="answer-accept"
            >
              {t('board.questions.accept')}
            </Button>
          )}
          {permissions.moderate && (
            <ModerateButton
              cohortId={cohortId}
              target={{ kind: 'answer', id: answer.id }}
              hidden={answer.hidden}
            />
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function HiddenBadge({ hidden, reason }: { hidden: boolean; reason: string | null }) {
  const { t } = useTranslation();
  if (!hidden) return null;
  return (
    <Badge color="gray" variant="outline" data-testid="hidden-badge" style={{ textTransform: 'none' }}>
      {reason ? t('board.moderation.hiddenBecause', { reason }) : t('board.moderation.hidden')}
    </Badge>
  );
}

/** Hides with a reason (asked inline), or restores. */
function ModerateButton({
  cohortId,
  target,
  hidden,
}: {
  cohortId: string;
  target: Moderated;
  hidden: boolean;
}) {
  const { t } = useTranslation();
  const moderate = useModerate(cohortId);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  if (hidden)
    return (
      <Button
        size="xs"
        variant="subtle"
        loading={moderate.isPending}
        onClick={() => moderate.mutate({ target, reason: null })}
        data-testid="moderate-restore"
      >
        {t('board.moderation.restore')}
      </Button>
    );
  if (!asking)
    return (
      <Button
        size="xs"
        variant="subtle"
        color="red"
        onClick={() => setAsking(true)}
        data-testid="moderate-hide"
      >
        {t('board.moderation.hide')}
      </Button>
    );
  return (
    <Group
      gap="xs"
      align="flex-end"
      component="form"
      onSubmit={(event: React.FormEvent) => {
        event.preventDefault();
        if (reason.trim() === '') return;
        moderate.mutate({ target, reason: reason.trim() }, { onSuccess: () => setAsking(false) });
      }}
    >
      <TextInput
        size="xs"
        label={t('board.moderation.reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        maxLength={500}
        required
        dir="auto"
        autoFocus
        data-testid="moderate-reason"
      />
      <Button
        size="xs"
        color="red"
        type="submit"
        loading={moderate.isPending}
        disabled={reason.trim() === ''}
        data-testid="moderate-confirm"
      >
        {t('board.moderation.hide')}
      </Button>
      <Button size="xs" variant="subtle" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </Button>
      {moderate.isError && <ErrorAlert error={moderate.error} />}
    </Group>
  );
}

/** Asks a question (trainees) or answers one (anyone of the cohort). */
export function PostForm(
  props: { kind: 'ask'; cohortId: string } | { kind: 'answer'; cohortId: string; questionId: string },
) {
  const { t } = useTranslation();
  const ask = useAsk(props.cohortId);
  const answer = useAnswer(props.cohortId);
  const save = props.kind === 'ask' ? ask : answer;
  const [body, setBody] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [tried, setTried] = useState(false);
  const blank = body.trim() === '';
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (blank) return;
    const done = {
      onSuccess: () => {
        setBody('');
        setFile(null);
        setTried(false);
      },
    };
    if (props.kind === 'ask') ask.mutate({ body: body.trim(), file }, done);
    else answer.mutate({ questionId: props.questionId, body: body.trim() }, done);
  };
  const label = props.kind === 'ask' ? t('board.questions.askLabel') : t('board.questions.answerLabel');
  return (
    <form onSubmit={submit} noValidate data-testid={`${props.kind}-form`}>
      <Stack gap="xs">
        {props.kind === 'ask' && (
          <Title order={3} size="h5">
            {t('board.questions.ask')}
          </Title>
        )}
        <Textarea
          label={label}
          description={props.kind === 'ask' ? <FormattingHint /> : undefined}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          maxLength={BOARD_POST_MAX}
          rows={props.kind === 'ask' ? 3 : 2}
          dir="auto"
          error={tried && blank ? t('board.required') : undefined}
          data-testid={`${props.kind}-input`}
        />
        {props.kind === 'ask' && (
          <FileInput
            label={t('board.questions.file')}
            description={t('board.questions.fileHint')}
            placeholder={t('admin.files.choose')}
            value={file}
            onChange={setFile}
            clearable
            data-testid="ask-file"
          />
        )}
        {save.isError && <ErrorAlert error={save.error} />}
        <Group>
          <Button
            type="submit"
            size={props.kind === 'ask' ? 'sm' : 'xs'}
            loading={save.isPending}
            data-testid={`${props.kind}-submit`}
          >
            {props.kind === 'ask' ? t('board.questions.send') : t('board.questions.reply')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The asker's file, downloaded with the session's token and saved under its own name. */
function QuestionFile({ questionId, file }: { questionId: string; file: Schemas['QuestionAttachmentDto'] }) {
  const { t, i18n } = useTranslation();
  const download = useDownloadQuestionFile();
  return (
    <Stack gap={4}>
      <Anchor
        component="button"
        type="button"
        size="sm"
        onClick={() => download.mutate({ id: questionId, fileName: file.fileName })}
        disabled={download.isPending}
        aria-label={t('board.questions.download', { name: file.fileName })}
        data-testid="question-file"
      >
        <bdi dir="auto">{file.fileName}</bdi> (<bdi>{formatFileSize(file.sizeBytes, i18n.language)}</bdi>)
      </Anchor>
      {download.isError && <ErrorAlert error={download.error} />}
    </Stack>
  );
}
