import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '@mre/api-client';
import { adminUser, emptyList, fakeFetch, json } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

const reminder: Schemas['NotificationDto'] = {
  id: '00000000-0000-4000-8000-0000000000f1',
  kind: 'session-reminder',
  params: {
    sessionId: '00000000-0000-4000-8000-0000000000e1',
    title: 'Circuits de freinage',
    startsAt: '2026-04-12T23:00:00Z',
    reminder: '15m',
  },
  readAt: null,
  createdAt: '2026-04-12T22:45:00Z',
};
const certificate: Schemas['NotificationDto'] = {
  id: '00000000-0000-4000-8000-0000000000f2',
  kind: 'certificate-issued',
  params: {
    certificateId: '00000000-0000-4000-8000-0000000000c1',
    code: 'K7Q2',
    courseTitle: { fr: 'Hydraulique' },
  },
  readAt: null,
  createdAt: '2026-03-10T08:00:00Z',
};

// New tz rules moved three sessions of a cohort; the first now starts at 10:00 UTC on 12 January 2027.
const retimed: Schemas['NotificationDto'] = {
  id: '00000000-0000-4000-8000-0000000000f3',
  kind: 'time-zone-rules-changed',
  params: {
    cohortId: '00000000-0000-4000-8000-0000000000b1',
    sessions: 3,
    sessionId: '00000000-0000-4000-8000-0000000000e2',
    title: 'Freins',
    startsAt: '2027-01-12T10:00:00.000Z',
    tzVersion: '2026c',
  },
  readAt: null,
  createdAt: '2026-12-06T08:00:00Z',
};

// Two sessions of a series cancelled at once, from 10:00 UTC on 9 February 2027, with a reason in two languages.
const cancelledSeries: Schemas['NotificationDto'] = {
  id: '00000000-0000-4000-8000-0000000000f4',
  kind: 'session-cancelled',
  params: {
    sessionId: '00000000-0000-4000-8000-0000000000e3',
    title: 'Moteurs',
    titles: { fr: 'Moteurs', ar: 'المحركات' },
    startsAt: '2027-02-09T10:00:00.000Z',
    sessions: 2,
    reasons: { fr: 'Atelier fermé', ar: 'الورشة مغلقة' },
  },
  readAt: null,
  createdAt: '2026-12-06T08:00:00Z',
};

/** The bell's list, opened, for a reader in `timeZone` who reads `locale`. */
async function openBell(notification: Schemas['NotificationDto'], locale: string, timeZone: string) {
  localStorage.setItem('mre.locale', locale);
  renderApp({
    route: '/courses',
    signedIn: true,
    fetch: fakeFetch({
      'GET /api/me': () => json(200, { ...adminUser, locale, timeZone }),
      'GET /api/courses': () => json(200, emptyList),
      'GET /api/me/notifications': () => json(200, { items: [notification], total: 1, unread: 1 }),
    }),
  });
  fireEvent.click(await screen.findByTestId('notifications-bell'));
  const [item] = await within(await screen.findByTestId('notifications-popover')).findAllByTestId(
    'notification-item',
  );
  return item;
}

/** A server-sent event stream the test writes into, as the API's GET /me/notifications/stream. */
function serverStream() {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => (controller = c) });
  return {
    response: () => new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
    unread: (unread: number) =>
      controller.enqueue(encoder.encode(`: ping\n\nevent: unread\ndata: {"unread":${unread}}\n\n`)),
  };
}

describe('notification bell', () => {
  it('updates its count and list from the live stream, without a reload', async () => {
    const stream = serverStream();
    let items = [certificate];
    let listed = 0;
    renderApp({
      route: '/courses',
      signedIn: true,
      fetch: fakeFetch({
        'GET /api/me': () => json(200, adminUser),
        'GET /api/courses': () => json(200, emptyList),
        'GET /api/me/notifications': () => {
          listed++;
          return json(200, { items, total: items.length, unread: items.length });
        },
        'GET /api/me/notifications/stream': stream.response,
      }),
    });
    expect((await screen.findByTestId('notifications-unread')).textContent).toBe('1');
    await waitFor(() =>
      expect(screen.getByTestId('notifications-bell').getAttribute('data-live')).toBe('true'),
    );

    // The same count as shown: nothing to fetch.
    stream.unread(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(listed).toBe(1);

    // A teacher moved a session: the API tells the stream, the bell fetches its list again.
    items = [{ ...reminder, kind: 'session-rescheduled' }, certificate];
    stream.unread(2);
    await waitFor(() => expect(screen.getByTestId('notifications-unread').textContent).toBe('2'));
    fireEvent.click(screen.getByTestId('notifications-bell'));
    const popover = await screen.findByTestId('notifications-popover');
    expect(await within(popover).findAllByTestId('notification-item')).toHaveLength(2);
  });

  it('falls back to polling when the stream cannot be opened', async () => {
    renderApp({
      route: '/courses',
      signedIn: true,
      fetch: fakeFetch({
        'GET /api/me': () => json(200, adminUser),
        'GET /api/courses': () => json(200, emptyList),
        'GET /api/me/notifications': () => json(200, { items: [certificate], total: 1, unread: 1 }),
        'GET /api/me/notifications/stream': () => json(503, { statusCode: 503, code: 'service-unavailable' }),
      }),
    });
    expect((await screen.findByTestId('notifications-unread')).textContent).toBe('1');
    expect(screen.getByTestId('notifications-bell').getAttribute('data-live')).toBe('false');
  });

  it('shows the unread count, lists the newest first, and marks all read', async () => {
    let read = false;
    const markRequests: unknown[] = [];
    const list = () =>
      json(200, {
        items: [reminder, certificate].map((n) => ({ ...n, readAt: read ? '2026-03-13T00:00:00Z' : null })),
        total: 2,
        unread: read ? 0 : 2,
      });
    renderApp({
      route: '/courses',
      signedIn: true,
      fetch: fakeFetch({
        'GET /api/me': () => json(200, adminUser),
        'GET /api/courses': () => json(200, emptyList),
        'GET /api/me/notifications': list,
        'POST /api/me/notifications/read': async (request) => {
          markRequests.push(await request.json());
          read = true;
          return json(200, { unread: 0 });
        },
      }),
    });

    expect((await screen.findByTestId('notifications-unread')).textContent).toBe('2');

    fireEvent.click(screen.getByTestId('notifications-bell'));
    const popover = await screen.findByTestId('notifications-popover');
    const items = await within(popover).findAllByTestId('notification-item');
    expect(items.map((item) => item.getAttribute('data-unread'))).toEqual(['true', 'true']);
    // In the reader's zone, named with its offset: Casablanca was still at UTC+1 in April 2026
    // (Morocco moved to UTC+0 for good on 20 September 2026), so midnight on the 13th.
    expect(items[0].textContent).toContain('« Circuits de freinage » commence dans 15 minutes');
    expect(items[0].textContent).toContain('13 avr. 2026, 00:00 (Casablanca, UTC+1)');
    expect(items[1].textContent).toContain('Votre certificat pour « Hydraulique » est prêt.');

    fireEvent.click(within(popover).getByTestId('notifications-mark-read'));

    await waitFor(() => expect(screen.queryByTestId('notifications-unread')).toBeNull());
    expect(markRequests).toEqual([{}]);
    await waitFor(() =>
      expect(
        within(popover)
          .getAllByTestId('notification-item')
          .map((item) => item.getAttribute('data-unread')),
      ).toEqual(['false', 'false']),
    );
  });
});

describe('the bell before and after its list arrives', () => {
  const api = () =>
    fakeFetch({
      'GET /api/me': () => json(200, adminUser),
      'GET /api/courses': () => json(200, emptyList),
      'GET /api/me/notifications': () => json(200, { items: [reminder, certificate], total: 2, unread: 2 }),
    });

  it('shows the bell and its count without the list, which opens from the keyboard and gives the focus back', async () => {
    renderApp({ route: '/courses', signedIn: true, fetch: api() });

    // The count is there before anyone opens the list (whose code comes on the first opening).
    expect((await screen.findByTestId('notifications-unread')).textContent).toBe('2');
    const bell = screen.getByTestId('notifications-bell');
    expect(bell.getAttribute('aria-label')).toBe('Notifications (2 non lues)');
    expect(bell.getAttribute('aria-haspopup')).toBe('dialog');
    expect(bell.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByTestId('notifications-popover')).toBeNull();

    // A keyboard user: Enter on the focused bell opens the list (a button's Enter is a click), the
    // focus goes into it, Escape closes it and the focus is back on the bell, which stayed in place.
    bell.focus();
    fireEvent.click(bell);
    expect(bell.getAttribute('aria-expanded')).toBe('true');
    const popover = await screen.findByTestId('notifications-popover');
    expect(popover.getAttribute('role')).toBe('dialog');
    expect(bell.getAttribute('aria-controls')).toBe(popover.id);
    await within(popover).findAllByTestId('notification-item');
    await waitFor(() => expect(popover.contains(document.activeElement)).toBe(true));
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    await waitFor(() => expect(bell.getAttribute('aria-expanded')).toBe('false'));
    await waitFor(() => expect(document.activeElement).toBe(bell));
    expect(screen.getByTestId('notifications-bell')).toBe(bell);

    // Opened again (the code is there now), and closed by the bell itself.
    fireEvent.click(bell);
    await waitFor(() => expect(bell.getAttribute('aria-expanded')).toBe('true'));
    await within(await screen.findByTestId('notifications-popover')).findAllByTestId('notification-item');
    fireEvent.click(bell);
    await waitFor(() => expect(bell.getAttribute('aria-expanded')).toBe('false'));
  });
});

describe('time-zone rules changed', () => {
  it('says the sessions keep their local time, and when the first now starts for the reader', async () => {
    // 10:00 UTC on 12 January 2027 is 05:00 in Toronto (EST, UTC-5).
    const item = await openBell(retimed, 'fr', 'America/Toronto');

    expect(item.textContent).toContain(
      'Règles d’heure modifiées : 3 séances de « Freins » gardent leur heure locale ; nouveaux horaires ' +
        'dans votre agenda (première séance : 12 janv. 2027, 05:00 (Toronto, UTC-5)).',
    );
    fireEvent.click(item);
    await waitFor(() => expect(window.location.pathname).toBe('/schedule'));
  });

  it('words one session in English', async () => {
    // Casablanca is at UTC+0 all year since 20 September 2026: 10:00.
    const item = await openBell(
      { ...retimed, params: { ...retimed.params, sessions: 1 } },
      'en',
      'Africa/Casablanca',
    );

    expect(item.textContent).toContain(
      'Time-zone rules changed: “Freins” keeps its local time; new time in your calendar: Jan 12, 2027, 10:00 AM (Casablanca, UTC+0).',
    );
  });

  it('keeps the time and the zone whole inside an Arabic sentence', async () => {
    // Edmonton keeps UTC-6 all year since 1 November 2026: 04:00.
    const item = await openBell(retimed, 'ar', 'America/Edmonton');

    expect(item.textContent).toContain('تغيّرت قواعد التوقيت: تحتفظ 3 حصص من «Freins» بساعتها المحلية');
    const isolated = [...item.querySelectorAll('bdi')].map((bdi) => bdi.textContent);
    expect(isolated).toHaveLength(2);
    expect(isolated[0]).toContain('4:00');
    expect(isolated[1]).toBe('Edmonton, UTC-6');
  });

  it('says how many sessions of a series were cancelled, and why, in the reader’s language', async () => {
    const item = await openBell(cancelledSeries, 'fr', 'Africa/Casablanca');
    expect(item.textContent).toContain('2 séances de « Moteurs » ont été annulées, à partir du');
    expect(within(item).getByTestId('notification-reason').textContent).toBe('Motif : Atelier fermé');
  });

  it('gives the Arabic reader the Arabic title and reason', async () => {
    const item = await openBell(cancelledSeries, 'ar', 'Africa/Casablanca');
    expect(item.textContent).toContain('أُلغيت حصتان من «المحركات» ابتداءً من');
    expect(within(item).getByTestId('notification-reason').textContent).toBe('السبب: الورشة مغلقة');
  });

  it('leads from a feedback request to the survey of its session, titled in the reader’s language', async () => {
    const item = await openBell(
      {
        id: '00000000-0000-4000-8000-0000000000f4',
        kind: 'feedback-request',
        params: {
          sessionId: '00000000-0000-4000-8000-0000000000e3',
          title: 'Freins',
          titles: { fr: 'Freins', ar: 'المكابح' },
          closesAt: '2026-12-13T10:00:00Z',
        },
        readAt: null,
        createdAt: '2026-12-06T10:00:00Z',
      },
      'ar',
      'Africa/Casablanca',
    );

    expect(item.textContent).toContain('المكابح');
    fireEvent.click(item);
    await waitFor(() =>
      expect(window.location.pathname).toBe('/sessions/00000000-0000-4000-8000-0000000000e3/feedback'),
    );
  });

  it('tells a teacher which question has waited, in which cohort, and leads to its board’s questions', async () => {
    const item = await openBell(
      {
        id: '00000000-0000-4000-8000-0000000000f8',
        kind: 'question-waiting',
        params: {
          cohortId: '00000000-0000-4000-8000-0000000000b1',
          cohortName: 'Cohorte Salé',
          questionId: '00000000-0000-4000-8000-0000000000c1',
          question: 'Faut-il un multimètre ?',
        },
        readAt: null,
        createdAt: '2026-12-06T08:00:00Z',
      },
      'ar',
      'America/Toronto',
    );
    expect(item.textContent).toContain('دون إجابة منذ 48 ساعة في «Cohorte Salé»: «Faut-il un multimètre ?».');
    fireEvent.click(item);
    await waitFor(() =>
      expect(window.location.pathname).toBe('/cohort-board/00000000-0000-4000-8000-0000000000b1'),
    );
    expect(window.location.search).toBe('?tab=questions');
  });

  it('words an enrollment in Arabic, the course titled in the reader’s language', async () => {
    const enrolled: Schemas['NotificationDto'] = {
      id: '00000000-0000-4000-8000-0000000000f6',
      kind: 'enrolled',
      params: {
        cohortId: '00000000-0000-4000-8000-0000000000b1',
        cohortName: 'Cohorte Salé',
        courseTitles: { fr: 'Câblage', ar: 'الأسلاك' },
      },
      readAt: null,
      createdAt: '2026-12-06T08:00:00Z',
    };
    const item = await openBell(enrolled, 'ar', 'Africa/Casablanca');
    expect(item.textContent).toContain('تم تسجيلك في «Cohorte Salé» (الأسلاك).');
  });

  it('says how many sessions a new series has and when the first starts for the reader', async () => {
    const created: Schemas['NotificationDto'] = {
      id: '00000000-0000-4000-8000-0000000000f7',
      kind: 'session-created',
      params: {
        cohortId: '00000000-0000-4000-8000-0000000000b1',
        sessionId: '00000000-0000-4000-8000-0000000000e4',
        title: 'Faisceaux',
        titles: { fr: 'Faisceaux', ar: 'الحزم' },
        startsAt: '2027-01-12T10:00:00.000Z',
        sessions: 3,
      },
      readAt: null,
      createdAt: '2026-12-06T08:00:00Z',
    };
    const item = await openBell(created, 'fr', 'Europe/Paris');
    expect(item.textContent).toContain('3 séances « Faisceaux » sont programmées (première :');
    expect(item.textContent).toContain('12 janv. 2027, 11:00 (Paris, UTC+1)');
  });
});
