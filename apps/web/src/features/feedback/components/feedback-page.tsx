import { Alert, Button, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '@mre/api-client';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { useLiveSession } from '@/features/schedule/api/schedule.api';
import { ErrorAlert } from '@/shared/components/error-alert';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useLocale } from '@/shared/hooks/use-locale';
import { useLocalize } from '@/shared/hooks/use-localize';
import { formatInZone } from '@/shared/lib/zoned-time';
import {
  useFeedbackSummary,
  useMyFeedback,
  useSaveFeedback,
  type Feedback,
  type FeedbackInput,
} from '../api/feedback.api';
import { RatingField } from './rating-field';

/** How long after a session ends its survey stays open (the API's rule; it says the exact end). */
const OPEN_DAYS = 7;
const CRITERIA = ['content', 'clarity', 'audioVideo'] as const;
type Criterion = (typeof CRITERIA)[number];

function useFormatDate(): (instant: string) => string {
  const [locale] = useLocale();
  const { timeZone } = useCurrentUser();
  return (instant) => formatInZone(instant, locale, timeZone, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * `/sessions/:id/feedback`: a trainee answers the short survey of a held session (or reads the
 * answer they gave); the cohort's staff read its aggregates. A trainee who teaches the cohort (a
 * certified trainer) is staff there: the API says so, and the page follows.
 */
export default function FeedbackPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const localize = useLocalize();
  const user = useCurrentUser();
  const session = useLiveSession(id);
  const asTrainee = user.role === 'trainee';
  const mine = useMyFeedback(id, asTrainee);
  const staffView =
    !asTrainee || (mine.error instanceof ApiError && mine.error.code === 'feedback-trainees-only');

  return (
    <Stack gap="md" maw={640} data-testid="feedback-page">
      <Stack gap={2}>
        <Title order={1} size="h2">
          {t('feedback.title')}
        </Title>
        {session.data && (
          <Text c="dimmed" dir="auto" data-testid="feedback-session-title">
            {localize(session.data.titles)}
          </Text>
        )}
      </Stack>
      {staffView ? (
        <FeedbackSummaryView sessionId={id} />
      ) : session.isPending || mine.isPending ? (
        <LoadingState />
      ) : session.isError ? (
        <ErrorState error={session.error} onRetry={() => void session.refetch()} />
      ) : mine.isError ? (
        <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
      ) : (
        <TraineeFeedback
          sessionId={id}
          endsAt={session.data.endsAt}
          cancelled={session.data.status === 'cancelled'}
          saved={mine.data}
        />
      )}
    </Stack>
  );
}

interface TraineeFeedbackProps {
  sessionId: string;
  endsAt: string;
  cancelled: boolean;
  saved: Feedback | null;
}

function TraineeFeedback({ sessionId, endsAt, cancelled, saved }: TraineeFeedbackProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const closesAt =
    saved?.closesAt ?? new Date(new Date(endsAt).getTime() + OPEN_DAYS * 86_400_000).toISOString();
  const now = Date.now();

  if (cancelled)
    return (
      <Alert color="gray" data-testid="feedback-not-open">
        {t('feedback.cancelled')}
      </Alert>
    );
  if (now < new Date(endsAt).getTime())
    return (
      <Alert color="blue" data-testid="feedback-not-open">
        {t('feedback.notOpen', { when: formatDate(endsAt) })}
      </Alert>
    );
  if (now >= new Date(closesAt).getTime())
    return (
      <Stack gap="sm">
        <Alert color="gray" data-testid="feedback-closed">
          {t('feedback.closed', { when: formatDate(closesAt) })}
        </Alert>
        {saved ? <SavedAnswer saved={saved} /> : null}
      </Stack>
    );
  return <FeedbackForm sessionId={sessionId} saved={saved} closesAt={closesAt} />;
}

function SavedAnswer({ saved }: { saved: Feedback }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md" data-testid="feedback-saved">
      <Stack gap={4}>
        <Text fw={600}>{t('feedback.yourAnswer')}</Text>
        {CRITERIA.map((criterion) => (
          <Group key={criterion} justify="space-between" gap="xs">
            <Text size="sm">{t(`feedback.criteria.${criterion}`)}</Text>
            <Text size="sm" fw={600}>
              <bdi>{saved[criterion]} / 5</bdi>
            </Text>
          </Group>
        ))}
        {saved.comment && (
          <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
            {saved.comment}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function FeedbackForm({
  sessionId,
  saved,
  closesAt,
}: {
  sessionId: string;
  saved: Feedback | null;
  closesAt: string;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const save = useSaveFeedback(sessionId);
  const [ratings, setRatings] = useState<Record<Criterion, number | null>>({
    content: saved?.content ?? null,
    clarity: saved?.clarity ?? null,
    audioVideo: saved?.audioVideo ?? null,
  });
  const [comment, setComment] = useState(saved?.comment ?? '');
  const [tried, setTried] = useState(false);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (CRITERIA.some((criterion) => ratings[criterion] === null)) return;
    const body: FeedbackInput = {
      content: ratings.content as number,
      clarity: ratings.clarity as number,
      audioVideo: ratings.audioVideo as number,
      comment: comment.trim() || null,
    };
    save.mutate(body);
  };

  return (
    <form onSubmit={submit} noValidate data-testid="feedback-form">
      <Stack gap="md">
        <Text size="sm" data-testid="feedback-open-until">
          {saved
            ? t('feedback.savedUntil', { when: formatDate(closesAt) })
            : t('feedback.openUntil', { when: formatDate(closesAt) })}
        </Text>
        {CRITERIA.map((criterion) => (
          <RatingField
            key={criterion}
            name={criterion}
            label={t(`feedback.criteria.${criterion}`)}
            value={ratings[criterion]}
            onChange={(value) => setRatings((current) => ({ ...current, [criterion]: value }))}
            error={tried && ratings[criterion] === null ? t('feedback.required') : undefined}
          />
        ))}
        <Textarea
          label={t('feedback.comment')}
          description={t('feedback.commentHint')}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          maxLength={1000}
          rows={3}
          dir="auto"
          data-testid="feedback-comment"
        />
        {save.isError && <ErrorAlert error={save.error} />}
        <Button type="submit" loading={save.isPending} data-testid="feedback-submit">
          {saved ? t('feedback.update') : t('feedback.send')}
        </Button>
      </Stack>
    </form>
  );
}

function FeedbackSummaryView({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [locale] = useLocale();
  const isAdmin = useCurrentUser().role === 'admin';
  // Who wrote what is for an admin handling abuse: asked for on purpose, and audited by the API.
  const [withAuthors, setWithAuthors] = useState(false);
  const summary = useFeedbackSummary(sessionId, withAuthors);
  if (summary.isPending) return <LoadingState />;
  if (summary.isError) return <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />;
  const { answers, threshold, averages, comments, opensAt, closesAt } = summary.data;
  const average = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return (
    <Stack gap="sm" data-testid="feedback-summary">
      <Text data-testid="feedback-answers">{t('feedback.answers', { count: answers })}</Text>
      <Text size="sm" c="dimmed">
        {t('feedback.window', { from: formatDate(opensAt), to: formatDate(closesAt) })}
      </Text>
      {isAdmin &&
        (withAuthors ? (
          <Alert color="yellow" data-testid="feedback-authors-shown">
            {t('feedback.authorsShown')}
          </Alert>
        ) : (
          <Stack gap={4} align="flex-start">
            <Text size="sm" c="dimmed" id="feedback-authors-note">
              {t('feedback.authorsNote')}
            </Text>
            <Button
              variant="light"
              size="sm"
              onClick={() => setWithAuthors(true)}
              aria-describedby="feedback-authors-note"
              data-testid="feedback-show-authors"
            >
              {t('feedback.showAuthors')}
            </Button>
          </Stack>
        ))}
      {averages ? (
        <>
          <Table data-testid="feedback-averages">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('feedback.criterion')}</Table.Th>
                <Table.Th>{t('feedback.average')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {CRITERIA.map((criterion) => (
                <Table.Tr key={criterion}>
                  <Table.Td>{t(`feedback.criteria.${criterion}`)}</Table.Td>
                  <Table.Td>
                    <bdi>{average.format(averages[criterion])} / 5</bdi>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={2} size="h4">
            {t('feedback.comments')}
          </Title>
          {comments && comments.length > 0 ? (
            <Stack gap="xs" data-testid="feedback-comments">
              {comments.map((item, index) => (
                <Paper key={index} withBorder p="xs" radius="sm">
                  <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                    {item.comment}
                  </Text>
                  {item.authorName && (
                    <Text size="xs" c="dimmed" mt={4} data-testid="feedback-comment-author">
                      {t('feedback.by', { name: item.authorName })}
                    </Text>
                  )}
                </Paper>
              ))}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              {t('feedback.noComments')}
            </Text>
          )}
        </>
      ) : (
        <Alert color="blue" data-testid="feedback-below-threshold">
          {t('feedback.belowThreshold', { threshold })}
        </Alert>
      )}
    </Stack>
  );
}
