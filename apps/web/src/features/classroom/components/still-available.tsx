import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChatPanel } from './chat-panel';

/** Without the room nothing is relayed live: the stored chat is read again this often. */
const CHAT_POLL_MS = 15_000;
const NOTHING_RELAYED = { messages: [], deletions: new Map<string, string>() };

interface StillAvailableProps {
  sessionId: string;
  cohortId: string;
  timeZone: string;
  canWrite: boolean;
}

/**
 * While the video service is out of reach, what does not need it: the cohort's question board and
 * the class chat (kept and relayed by the platform's API, so what is written here reaches the room);
 * the course materials follow on the page.
 */
export function StillAvailable({ sessionId, cohortId, timeZone, canWrite }: StillAvailableProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md" component="section" data-testid="classroom-still-available">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('classroom.unreachable.meanwhile')}
        </Title>
        <Anchor
          component={Link}
          to={`/cohort-board/${cohortId}?tab=questions`}
          size="sm"
          data-testid="classroom-board-link"
        >
          {t('classroom.unreachable.board')}
        </Anchor>
        <Text size="sm">{t('classroom.unreachable.chatNote')}</Text>
        <ChatPanel
          sessionId={sessionId}
          canWrite={canWrite}
          timeZone={timeZone}
          relayed={NOTHING_RELAYED}
          pollMs={CHAT_POLL_MS}
        />
      </Stack>
    </Paper>
  );
}
