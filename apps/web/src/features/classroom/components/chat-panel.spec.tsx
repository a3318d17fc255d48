import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createAppServices } from '@/app/app-services';
import { ServicesContext } from '@/shared/api/services.context';
import { API_ORIGIN, fakeFetch, json } from '@/test/fake-api';
import { TRANSLATIONS } from '@/test/translations';
import type { ChatMessage } from '../api/chat.api';
import type { ChatRelayFeed } from '../hooks/use-chat-relay';
import { ChatPanel } from './chat-panel';

const SESSION_ID = '00000000-0000-4000-8000-000000000601';
const id = (n: number) => `00000000-0000-4000-8000-0000000006${String(n).padStart(2, '0')}`;
const message = (n: number, fields: Partial<ChatMessage> = {}): ChatMessage => ({
  id: id(n),
  sessionId: SESSION_ID,
  authorId: '00000000-0000-4000-8000-000000000010',
  authorName: 'Salma',
  text: `message ${n}`,
  // 10:0n UTC on 7 December 2026: 10:0n in Casablanca (UTC+0).
  sentAt: `2026-12-07T10:0${n}:00.000Z`,
  deletedAt: null,
  ...fields,
});

function renderPanel(
  {
    canWrite = true,
    canDelete = false,
    relayed = { messages: [], deletions: new Map() } as ChatRelayFeed,
  } = {},
  stored: ChatMessage[] = [message(1), message(2)],
) {
  const requests: { method: string; path: string; body?: unknown }[] = [];
  const fetch = fakeFetch({
    [`GET /api/sessions/${SESSION_ID}/chat`]: () =>
      json(200, { items: stored, total: stored.length, canDelete }),
    [`POST /api/sessions/${SESSION_ID}/chat`]: async (request) => {
      const body = (await request.json()) as { text: string };
      requests.push({ method: 'POST', path: 'chat', body });
      return json(201, message(5, { text: body.text, authorName: 'Moi' }));
    },
    [`DELETE /api/sessions/${SESSION_ID}/chat/${id(1)}`]: () => {
      requests.push({ method: 'DELETE', path: id(1) });
      return new Response(null, { status: 204 });
    },
  });
  return { requests, ...renderWith(fetch, { canWrite, relayed }) };
}

function renderWith(
  fetch: (request: Request) => Promise<Response>,
  {
    canWrite,
    relayed = { messages: [], deletions: new Map() },
  }: { canWrite: boolean; relayed?: ChatRelayFeed },
) {
  const services = createAppServices({
    baseUrl: API_ORIGIN,
    fetch,
    retry: false,
    storage: localStorage,
    translations: TRANSLATIONS,
  });
  void services.i18n.changeLanguage('fr');
  const panel = (feed: ChatRelayFeed) => (
    <ServicesContext value={services}>
      <I18nextProvider i18n={services.i18n}>
        <MantineProvider>
          <QueryClientProvider client={services.queryClient}>
            <ChatPanel
              sessionId={SESSION_ID}
              canWrite={canWrite}
              timeZone="Africa/Casablanca"
              relayed={feed}
            />
          </QueryClientProvider>
        </MantineProvider>
      </I18nextProvider>
    </ServicesContext>
  );
  const view = render(panel(relayed));
  return { rerender: (feed: ChatRelayFeed) => view.rerender(panel(feed)) };
}

const texts = () => screen.getAllByTestId('chat-message-text').map((text) => text.textContent);

describe('class chat panel', () => {
  it('shows the stored chat then the messages relayed live, each once, in the order sent', async () => {
    renderPanel({
      relayed: {
        // The room relays message 2 again (sent just before this page loaded the chat) and a new one.
        messages: [message(2), message(3, { authorName: 'Youssef', text: 'سؤال' })],
        deletions: new Map(),
      },
    });
    await waitFor(() => expect(screen.getAllByTestId('chat-message')).toHaveLength(3));
    expect(texts()).toEqual(['message 1', 'message 2', 'سؤال']);
    const third = screen.getAllByTestId('chat-message')[2];
    expect(third.textContent).toContain('Youssef');
    // In the reader's zone.
    expect(third.textContent).toContain('10:03');
    expect(screen.queryByTestId('chat-delete')).toBeNull();
  });

  it('shows a message deleted in the room as deleted', async () => {
    const { rerender } = renderPanel();
    await waitFor(() => expect(screen.getAllByTestId('chat-message')).toHaveLength(2));
    rerender({ messages: [], deletions: new Map([[id(2), '2026-12-07T10:10:00.000Z']]) });
    await waitFor(() =>
      expect(screen.getAllByTestId('chat-message')[1].getAttribute('data-deleted')).toBe('true'),
    );
    expect(screen.getAllByTestId('chat-message')[1].textContent).toContain('Message supprimé');
    expect(screen.getAllByTestId('chat-message')[1].textContent).not.toContain('message 2');
  });

  it('sends through the API and shows the message once, also when the room relays it back', async () => {
    const { requests, rerender } = renderPanel();
    await waitFor(() => expect(screen.getAllByTestId('chat-message')).toHaveLength(2));
    fireEvent.change(screen.getByTestId('chat-input'), { target: { value: '  Bonjour  ' } });
    fireEvent.click(screen.getByTestId('chat-send'));
    await waitFor(() => expect(screen.getAllByTestId('chat-message')).toHaveLength(3));
    expect(requests).toEqual([{ method: 'POST', path: 'chat', body: { text: 'Bonjour' } }]);
    expect((screen.getByTestId('chat-input') as HTMLInputElement).value).toBe('');
    rerender({ messages: [message(5, { text: 'Bonjour', authorName: 'Moi' })], deletions: new Map() });
    expect(screen.getAllByTestId('chat-message')).toHaveLength(3);
  });

  it('gives hosts a delete button that deletes through the API', async () => {
    const { requests } = renderPanel({ canDelete: true });
    await waitFor(() => expect(screen.getAllByTestId('chat-delete')).toHaveLength(2));
    const first = screen.getAllByTestId('chat-message')[0];
    const button = within(first).getByTestId('chat-delete');
    expect(button.getAttribute('aria-label')).toBe('Supprimer le message de Salma');
    fireEvent.click(button);
    await waitFor(() => expect(first.getAttribute('data-deleted')).toBe('true'));
    expect(requests).toEqual([{ method: 'DELETE', path: id(1) }]);
    expect(within(first).queryByTestId('chat-delete')).toBeNull();
  });

  it('loads every page of a long chat, so the newest messages show in the room', async () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      message(1, { id: `00000000-0000-4000-8000-000000001${String(i).padStart(3, '0')}`, text: `n° ${i}` }),
    );
    const pagesAsked: string[] = [];
    const fetch = fakeFetch({
      [`GET /api/sessions/${SESSION_ID}/chat`]: (request) => {
        const url = new URL(request.url);
        const page = Number(url.searchParams.get('page'));
        const size = Number(url.searchParams.get('pageSize'));
        pagesAsked.push(`${page}/${size}`);
        return json(200, {
          items: many.slice((page - 1) * size, page * size),
          total: many.length,
          canDelete: false,
        });
      },
    });
    renderWith(fetch, { canWrite: false });
    await waitFor(() => expect(screen.getAllByTestId('chat-message')).toHaveLength(120));
    expect(pagesAsked).toEqual(['1/100', '2/100']);
    expect(texts().at(-1)).toBe('n° 119');
  });

  it('lets observers read without a box to write in', async () => {
    renderPanel({ canWrite: false });
    await waitFor(() => expect(screen.getAllByTestId('chat-message')).toHaveLength(2));
    expect(screen.queryByTestId('chat-input')).toBeNull();
  });
});
