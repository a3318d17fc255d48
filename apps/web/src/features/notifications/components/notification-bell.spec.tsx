import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '@mre/api-client';
import { adminUser, emptyList, fakeFetch, json } from '../../../test/fake-api';
import { renderApp } from '../../../test/render-app';

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

describe('notification bell', () => {
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
    // In the reader's zone, named: Africa/Casablanca is UTC+1 in April 2026, so the next day.
    expect(items[0].textContent).toContain('« Circuits de freinage » commence dans 15 minutes');
    expect(items[0].textContent).toContain('13 avr. 2026, 00:00 (Africa/Casablanca)');
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
