import { useEffect, useRef } from 'react';
import { Button, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { EmptyResult } from '@/shared/components/empty-result';
import { ErrorAlert } from '@/shared/components/error-alert';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useDeleteChat, useStoredChat } from '../api/chat.api';
import { ChatMessages } from './chat-messages';

/**
 * The class chat read after class, as it was kept: for the cohort's people, with deletion for
 * those who host the cohort's classes (the API says who).
 */
export function ClassChatHistory({ sessionId, timeZone }: { sessionId: string; timeZone: string }) {
  const { t } = useTranslation();
  const chat = useStoredChat(sessionId);
  const remove = useDeleteChat(sessionId);
  const messages = chat.data?.pages.flatMap((page) => page.items) ?? [];
  const canDelete = chat.data?.pages[0]?.canDelete === true;
  const section = useRef<HTMLElement>(null);
  const { hash } = useLocation();
  const loaded = !chat.isPending;
  // Opened from a past session's "class chat" link: the chat comes into view once loaded.
  useEffect(() => {
    if (hash === '#chat' && loaded) section.current?.scrollIntoView?.({ block: 'start' });
  }, [hash, loaded]);

  return (
    <Paper
      ref={section}
      withBorder
      p="sm"
      radius="md"
      component="section"
      id="chat"
      data-testid="class-chat-history"
    >
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('classChat.title')}
        </Title>
        {chat.isPending ? (
          <LoadingState />
        ) : chat.isError ? (
          <ErrorState error={chat.error} onRetry={() => void chat.refetch()} />
        ) : messages.length === 0 ? (
          <EmptyResult title={t('classChat.empty')} />
        ) : (
          <>
            <ChatMessages
              messages={messages}
              timeZone={timeZone}
              withDate
              onDelete={canDelete ? (message) => remove.mutate(message.id) : undefined}
              deleting={remove.isPending ? remove.variables : null}
            />
            {chat.hasNextPage && (
              <Button
                variant="light"
                size="xs"
                loading={chat.isFetchingNextPage}
                onClick={() => void chat.fetchNextPage()}
                data-testid="chat-more"
              >
                {t('classChat.more')}
              </Button>
            )}
          </>
        )}
        {remove.error != null && <ErrorAlert error={remove.error} />}
      </Stack>
    </Paper>
  );
}
