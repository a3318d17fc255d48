import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adminUser, emptyList, fakeFetch, json } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

const feed = (token: string) => ({
  url: `https://academy.test/api/calendar/${token}.ics`,
  webcalUrl: `webcal://academy.test/api/calendar/${token}.ics`,
  createdAt: '2026-12-06T20:00:00.000Z',
});
const notFound = () =>
  json(404, { statusCode: 404, error: 'Not Found', message: 'none', code: 'calendar-feed-not-found' });

/** The profile with a calendar feed API that keeps its state like the server would. */
function profileWithFeed(initial: ReturnType<typeof feed> | null) {
  let current = initial;
  let issued = 0;
  const calls: string[] = [];
  const fetch = fakeFetch({
    'GET /api/me': () => json(200, adminUser),
    'GET /api/me/certificates': () => json(200, emptyList),
    'GET /api/me/calendar-feed': () => (current ? json(200, current) : notFound()),
    'POST /api/me/calendar-feed': () => {
      calls.push('POST');
      current = feed(`token-${++issued}`);
      return json(200, current);
    },
    'DELETE /api/me/calendar-feed': () => {
      calls.push('DELETE');
      current = null;
      return new Response(null, { status: 204 });
    },
  });
  return { fetch, calls };
}

describe('calendar feed card (profile)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('creates the link, subscribes by webcal:// and copies it with a confirmation', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const api = profileWithFeed(null);
    renderApp({ route: '/profile', signedIn: true, fetch: api.fetch });

    const card = await screen.findByTestId('calendar-feed');
    expect(card.textContent).toContain('Agenda');
    expect((await within(card).findByTestId('calendar-feed-none')).textContent).toContain(
      'pas encore de lien',
    );
    fireEvent.click(within(card).getByTestId('calendar-feed-create'));

    const url = (await within(card).findByTestId('calendar-feed-url')) as HTMLInputElement;
    expect(url.value).toBe('https://academy.test/api/calendar/token-1.ics');
    expect(url.readOnly).toBe(true);
    expect(within(card).getByTestId('calendar-feed-subscribe').getAttribute('href')).toBe(
      'webcal://academy.test/api/calendar/token-1.ics',
    );
    expect(within(card).getByTestId('calendar-feed-subscribe').textContent).toBe('M’abonner dans mon agenda');

    fireEvent.click(within(card).getByTestId('calendar-feed-copy'));
    expect((await within(card).findByTestId('calendar-feed-copied')).textContent).toContain('Lien copié');
    expect(writeText).toHaveBeenCalledWith('https://academy.test/api/calendar/token-1.ics');
  });

  it('says how to copy by hand when the browser refuses', async () => {
    vi.stubGlobal('navigator', {
      ...navigator,
      clipboard: { writeText: vi.fn().mockRejectedValue(new Error('denied')) },
    });
    renderApp({ route: '/profile', signedIn: true, fetch: profileWithFeed(feed('abc')).fetch });
    fireEvent.click(await screen.findByTestId('calendar-feed-copy'));
    expect((await screen.findByTestId('calendar-feed-copy-failed')).textContent).toContain(
      'sélectionnez le lien',
    );
  });

  it('resets the link only after a confirmation that says the old one stops working', async () => {
    const api = profileWithFeed(feed('old'));
    renderApp({ route: '/profile', signedIn: true, fetch: api.fetch });

    fireEvent.click(await screen.findByTestId('calendar-feed-reset'));
    const confirmation = await screen.findByTestId('calendar-feed-reset-confirmation');
    expect(confirmation.textContent).toContain('L’ancien lien cesse de fonctionner');
    expect(document.activeElement).toBe(confirmation);
    fireEvent.keyDown(confirmation, { key: 'Escape' });
    expect(screen.queryByTestId('calendar-feed-reset-confirmation')).toBeNull();
    expect(api.calls).toEqual([]);

    fireEvent.click(screen.getByTestId('calendar-feed-reset'));
    fireEvent.click(await screen.findByTestId('calendar-feed-reset-confirm'));

    expect((await screen.findByTestId('calendar-feed-reset-done')).textContent).toContain(
      'L’ancien ne fonctionne plus',
    );
    expect((screen.getByTestId('calendar-feed-url') as HTMLInputElement).value).toBe(
      'https://academy.test/api/calendar/token-1.ics',
    );
    expect(api.calls).toEqual(['POST']);
  });

  it('turns the link off after asking twice', async () => {
    const api = profileWithFeed(feed('old'));
    renderApp({ route: '/profile', signedIn: true, fetch: api.fetch });

    const turnOff = await screen.findByTestId('calendar-feed-turn-off');
    fireEvent.click(turnOff);
    expect(api.calls).toEqual([]);
    fireEvent.click(turnOff);
    await screen.findByTestId('calendar-feed-none');
    expect(api.calls).toEqual(['DELETE']);
  });

  it('shows the error and retries when the link cannot be loaded', async () => {
    let fail = true;
    const fetch = fakeFetch({
      'GET /api/me': () => json(200, adminUser),
      'GET /api/me/certificates': () => json(200, emptyList),
      'GET /api/me/calendar-feed': () =>
        fail
          ? json(503, {
              statusCode: 503,
              error: 'Service Unavailable',
              message: 'down',
              code: 'database-unavailable',
            })
          : json(200, feed('back')),
    });
    renderApp({ route: '/profile', signedIn: true, fetch });

    const card = await screen.findByTestId('calendar-feed');
    const error = await within(card).findByTestId('error-state');
    fail = false;
    fireEvent.click(within(error).getByRole('button'));
    await waitFor(() =>
      expect((within(card).getByTestId('calendar-feed-url') as HTMLInputElement).value).toContain('back.ics'),
    );
  });
});
