import { intlLocale } from '@mre/contracts';
import { useState } from 'react';
import { Button, Group, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useChat } from '@livekit/components-react';
import { useTranslation } from 'react-i18next';

/** The class chat (LiveKit's chat messages); observers read it, the others can write. */
export function ChatPanel({ canWrite }: { canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const { chatMessages, send, isSending } = useChat();
  const [draft, setDraft] = useState('');
  const time = new Intl.DateTimeFormat(intlLocale(i18n.language), { timeStyle: 'short' });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const text = draft.trim();
    if (!text) return;
    void send(text).then(() => setDraft(''));
  };

  return (
    <Stack gap="xs" data-testid="chat-panel">
      <ScrollArea h={320} type="auto">
        {chatMessages.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('classroom.chat.empty')}
          </Text>
        ) : (
          <Stack gap={6}>
            {chatMessages.map((message) => (
              <div key={message.id}>
                <Text size="xs" c="dimmed">
                  <bdi>{message.from?.name || message.from?.identity}</bdi> · {time.format(message.timestamp)}
                </Text>
                <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
                  {message.message}
                </Text>
              </div>
            ))}
          </Stack>
        )}
      </ScrollArea>
      {canWrite && (
        <form onSubmit={submit}>
          <Group gap="xs" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              value={draft}
              onChange={(event) => setDraft(event.currentTarget.value)}
              placeholder={t('classroom.chat.placeholder')}
              aria-label={t('classroom.chat.placeholder')}
              dir="auto"
              data-testid="chat-input"
            />
            <Button type="submit" loading={isSending} data-testid="chat-send">
              {t('classroom.chat.send')}
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}
