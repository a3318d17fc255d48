import { intlLocale } from '@mre/contracts';
import { ActionIcon, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '../api/chat.api';

interface ChatMessagesProps {
  messages: ChatMessage[];
  timeZone: string;
  /** With the date (a chat read after class), or the time only (live). */
  withDate?: boolean;
  /** Hosts get a delete button on each message still shown. */
  onDelete?: (message: ChatMessage) => void;
  deleting?: string | null;
}

/** The class chat's messages, each with its author and time in the reader's zone. */
export function ChatMessages({
  messages,
  timeZone,
  withDate = false,
  onDelete,
  deleting,
}: ChatMessagesProps) {
  const { t, i18n } = useTranslation();
  const time = new Intl.DateTimeFormat(intlLocale(i18n.language), {
    ...(withDate ? { dateStyle: 'short' } : {}),
    timeStyle: 'short',
    timeZone,
  });
  return (
    <Stack gap={6} component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
      {messages.map((message) => (
        <li key={message.id} data-testid="chat-message" data-deleted={message.deletedAt !== null}>
          <Group gap={4} wrap="nowrap" justify="space-between" align="flex-start">
            <Text size="xs" c="dimmed">
              <bdi>{message.authorName}</bdi> ·{' '}
              <time dateTime={message.sentAt}>{time.format(new Date(message.sentAt))}</time>
            </Text>
            {onDelete && message.deletedAt === null && (
              <ActionIcon
                size="sm"
                variant="subtle"
                color="red"
                loading={deleting === message.id}
                onClick={() => onDelete(message)}
                aria-label={t('classChat.delete', { name: message.authorName })}
                data-testid="chat-delete"
              >
                <svg
                  width="14"
                  height="14"
                  viewBox="0 0 24 24"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="2"
                  aria-hidden
                >
                  <path
                    d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3"
                    strokeLinecap="round"
                    strokeLinejoin="round"
                  />
                </svg>
              </ActionIcon>
            )}
          </Group>
          {message.deletedAt === null ? (
            <Text
              size="sm"
              dir="auto"
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
              data-testid="chat-message-text"
            >
              {message.text}
            </Text>
          ) : (
            <Text size="sm" c="dimmed" fs="italic" data-testid="chat-message-deleted">
              {t('classChat.deleted')}
            </Text>
          )}
        </li>
      ))}
    </Stack>
  );
}
