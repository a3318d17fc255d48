import { useCallback, useState } from 'react';
import { useDataChannel } from '@livekit/components-react';
import { CHAT_DELETED_TOPIC, CHAT_TOPIC, type ChatDeletedRelay, type ChatRelay } from '@mre/contracts';
import type { ChatMessage } from '../api/chat.api';

const decoder = new TextDecoder();

/** What the room heard of the chat since this page joined it: new messages, and deletions. */
export interface ChatRelayFeed {
  messages: ChatMessage[];
  deletions: ReadonlyMap<string, string>;
}

function parse<T>(payload: Uint8Array): T | null {
  try {
    return JSON.parse(decoder.decode(payload)) as T;
  } catch {
    return null;
  }
}

/**
 * The API relays each stored message (and each deletion) to the room. Only what the server sends
 * counts: a participant could publish on the same topics, but their words would not be stored, so
 * a message from a participant is ignored.
 */
export function useChatRelay(sessionId: string): ChatRelayFeed {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [deletions, setDeletions] = useState<ReadonlyMap<string, string>>(new Map());

  const onMessage = useCallback(
    (message: { payload: Uint8Array; from?: unknown }) => {
      if (message.from) return;
      const relay = parse<ChatRelay>(message.payload);
      if (!relay?.id || typeof relay.text !== 'string') return;
      setMessages((current) => [
        ...current,
        {
          id: relay.id,
          sessionId,
          authorId: relay.authorId,
          authorName: relay.name,
          text: relay.text,
          sentAt: relay.sentAt,
          deletedAt: null,
        },
      ]);
    },
    [sessionId],
  );
  const onDeleted = useCallback((message: { payload: Uint8Array; from?: unknown }) => {
    if (message.from) return;
    const relay = parse<ChatDeletedRelay>(message.payload);
    if (!relay?.id) return;
    setDeletions((current) => new Map(current).set(relay.id, relay.deletedAt));
  }, []);

  useDataChannel(CHAT_TOPIC, onMessage);
  useDataChannel(CHAT_DELETED_TOPIC, onDeleted);
  return { messages, deletions };
}
