import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { unwrap, type Schemas } from '@mre/api-client';
import { useApi } from '@/shared/api/services.context';

export type ChatMessage = Schemas['ChatMessageDto'];
type ChatPage = Schemas['ChatMessageListDto'];

/** The API's largest page: a class's chat fits in one or two. */
const PAGE_SIZE = 100;

export const chatKeys = { of: (sessionId: string) => ['sessions', sessionId, 'chat'] as const };

/** The session's stored chat, oldest first, a page at a time; read again every `pollMs` if given. */
export function useStoredChat(sessionId: string, pollMs?: number) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: chatKeys.of(sessionId),
    refetchInterval: pollMs ?? false,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/sessions/{id}/chat', {
          params: { path: { id: sessionId }, query: { page: pageParam, pageSize: PAGE_SIZE } },
        }),
      ),
    initialPageParam: 1,
    getNextPageParam: (last, pages) => (pages.length * PAGE_SIZE < last.total ? pages.length + 1 : undefined),
  });
}

export function usePostChat(sessionId: string) {
  const api = useApi();
  return useMutation({
    mutationFn: (text: string) =>
      unwrap(api.POST('/api/sessions/{id}/chat', { params: { path: { id: sessionId } }, body: { text } })),
  });
}

/** A host's deletion; the stored copy shows it at once, the room hears of it from the API. */
export function useDeleteChat(sessionId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (messageId: string) =>
      unwrap(
        api.DELETE('/api/sessions/{id}/chat/{messageId}', {
          params: { path: { id: sessionId, messageId } },
        }),
      ).then(() => messageId),
    onSuccess: (messageId) =>
      queryClient.setQueryData<InfiniteData<ChatPage>>(chatKeys.of(sessionId), (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((page) => ({
                ...page,
                items: page.items.map((m) =>
                  m.id === messageId ? asDeleted(m, new Date().toISOString()) : m,
                ),
              })),
            }
          : data,
      ),
  });
}

export function asDeleted(message: ChatMessage, deletedAt: string): ChatMessage {
  return { ...message, text: null, deletedAt: message.deletedAt ?? deletedAt };
}

/**
 * The chat as one list: the stored pages, messages heard live or just sent (each once, whichever
 * copy came first), in the order they were sent; a deletion heard live wins over a stored copy.
 */
export function mergeChat(
  stored: ChatMessage[],
  live: ChatMessage[],
  deletions: ReadonlyMap<string, string>,
): ChatMessage[] {
  const byId = new Map<string, ChatMessage>();
  for (const message of [...stored, ...live]) {
    const known = byId.get(message.id);
    // A deleted copy (stored after the deletion) wins over an older live one.
    if (!known || (message.deletedAt && !known.deletedAt)) byId.set(message.id, message);
  }
  return [...byId.values()]
    .map((message) => {
      const deletedAt = deletions.get(message.id);
      return deletedAt ? asDeleted(message, deletedAt) : message;
    })
    .sort((a, b) => a.sentAt.localeCompare(b.sentAt) || a.id.localeCompare(b.id));
}
