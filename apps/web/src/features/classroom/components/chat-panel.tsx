import { CHAT_MESSAGE_MAX_LENGTH } from '@mre/contracts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Group, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/shared/components/error-alert';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { mergeChat, useDeleteChat, usePostChat, useStoredChat, type ChatMessage } from '../api/chat.api';
import type { ChatRelayFeed } from '../hooks/use-chat-relay';
import { ChatMessages } from './chat-messages';

interface ChatPanelProps {
  sessionId: string;
  /** Hosts and trainees write; observers read. */
  canWrite: boolean;
  /** The reader's zone, for the messages' times. */
  timeZone: string;
  /** What the room heard since joining (useChatRelay). */
  relayed: ChatRelayFeed;
  /** Outside the room, where nothing is relayed: how often the stored chat is read again. */
  pollMs?: number;
}

/**
 * The class chat in the room: what was said before this page joined (stored by the API), then what
 * the room relays live, each message once. Messages go through the API, which keeps and relays them;
 * its list says whether the reader may delete them (who hosts the cohort's classes).
 */
export function ChatPanel({ sessionId, canWrite, timeZone, relayed, pollMs }: ChatPanelProps) {
  const { t } = useTranslation();
  const stored = useStoredChat(sessionId, pollMs);
  const post = usePostChat(sessionId);
  const remove = useDeleteChat(sessionId);
  const [sent, setSent] = useState<ChatMessage[]>([]);
  const [draft, setDraft] = useState('');
  const viewport = useRef<HTMLDivElement>(null);
  const canDelete = stored.data?.pages[0]?.canDelete === true;

  const messages = useMemo(
    () =>
      mergeChat(
        stored.data?.pages.flatMap((page) => page.items) ?? [],
        [...relayed.messages, ...sent],
        relayed.deletions,
      ),
    [stored.data, relayed, sent],
  );

  // In the room the whole chat is shown, the newest last: the pages after the first come in as well.
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = stored;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  // The newest message stays in sight.
  useEffect(() => {
    viewport.current?.scrollTo?.({ top: viewport.current.scrollHeight });
  }, [messages.length]);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text || post.isPending) return;
    post.mutate(text, {
      onSuccess: (message) => {
        setSent((current) => [...current, message]);
        setDraft('');
      },
    });
  };

  return (
    <Stack gap="xs" data-testid="chat-panel">
      {/* Grows with the messages up to 320 px, then scrolls: an empty chat takes no screen on a phone. */}
      <ScrollArea.Autosize mah={320} type="auto" viewportRef={viewport}>
        {stored.isPending ? (
          <LoadingState />
        ) : stored.isError ? (
          <ErrorState error={stored.error} onRetry={() => void stored.refetch()} />
        ) : messages.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('classroom.chat.empty')}
          </Text>
        ) : (
          <div role="log" aria-live="polite" aria-label={t('classroom.chat.title')}>
            <ChatMessages
              messages={messages}
              timeZone={timeZone}
              onDelete={canDelete ? (message) => remove.mutate(message.id) : undefined}
              deleting={remove.isPending ? remove.variables : null}
            />
          </div>
        )}
      </ScrollArea.Autosize>
      {remove.error != null && <ErrorAlert error={remove.error} />}
      {post.error != null && <ErrorAlert error={post.error} />}
      {canWrite && (
        <form onSubmit={submit}>
          <Group gap="xs" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              value={draft}
              onChange={(event) => setDraft(event.currentTarget.value)}
              placeholder={t('classroom.chat.placeholder')}
              aria-label={t('classroom.chat.placeholder')}
              maxLength={CHAT_MESSAGE_MAX_LENGTH}
              dir="auto"
              data-testid="chat-input"
            />
            <Button type="submit" loading={post.isPending} data-testid="chat-send">
              {t('classroom.chat.send')}
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}
