import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuestions } from '@/features/cohort-board/api/board.api';
import { RichText } from '@/features/cohort-board/components/rich-text';

/**
 * The questions a teacher pinned on the cohort's board to discuss in class, where the class is run;
 * nothing at all when none is pinned (or the board cannot be read).
 */
export function PinnedQuestions({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  // Pinned questions come first in the board's list.
  const questions = useQuestions(cohortId, 1);
  const pinned = questions.data?.items.filter((question) => question.pinned && !question.hidden) ?? [];
  if (pinned.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" data-testid="pinned-questions">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('classroom.pinned.title')}
        </Title>
        {pinned.map((question) => (
          <Stack key={question.id} gap={2} data-testid="pinned-question">
            <RichText text={question.body} />
            <Text size="xs" c="dimmed">
              {question.author && <bdi>{question.author.fullName}</bdi>}
              {question.author && ' · '}
              {t('classroom.pinned.answers', { count: question.answers.length })}
            </Text>
          </Stack>
        ))}
        <Anchor component={Link} to={`/cohort-board/${cohortId}?tab=questions`} size="sm">
          {t('classroom.pinned.open')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
