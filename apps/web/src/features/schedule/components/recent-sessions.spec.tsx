import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '@mre/api-client';
import { adminUser, emptyList, fakeFetch, json, sessionDto } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

// Staff see the recent sessions as cards; a trainee sees them with their own attendance (schedule-page.spec.tsx).
const expert: Schemas['UserDto'] = { ...adminUser, role: 'expert', fullName: 'Karim Expert' };
const HOUR = 3600_000;

const recorded = sessionDto({
  id: '00000000-0000-4000-8000-000000000701',
  title: 'Hydraulique',
  startsAt: new Date(Date.now() - 26 * HOUR).toISOString(),
  recordingAvailable: true,
});
const notRecorded = sessionDto({
  id: '00000000-0000-4000-8000-000000000702',
  title: 'Pneumatique',
  startsAt: new Date(Date.now() - 50 * HOUR).toISOString(),
  recordingAvailable: false,
});

describe('recent sessions in my schedule', () => {
  it('lists the last month’s sessions, latest first, and leads to the recording of those that have one', async () => {
    const asked: string[] = [];
    renderApp({
      route: '/schedule',
      signedIn: true,
      fetch: fakeFetch({
        'GET /api/me': () => json(200, expert),
        'GET /api/cohorts': () => json(200, emptyList),
        'GET /api/sessions': (request) => {
          const query = new URL(request.url).searchParams;
          asked.push(query.has('to') ? 'recent' : 'coming');
          // The API answers in start order.
          return json(200, query.has('to') ? { items: [notRecorded, recorded], total: 2 } : emptyList);
        },
      }),
    });

    const recent = await screen.findByTestId('schedule-recent');
    const cards = await within(recent).findAllByTestId('session-card');
    expect(cards.map((card) => within(card).getByTestId('session-title').textContent)).toEqual([
      'Hydraulique',
      'Pneumatique',
    ]);
    expect(within(cards[0]).getByTestId('session-recording-available').textContent).toBe(
      'Enregistrement disponible',
    );
    const watch = within(cards[0]).getByTestId('session-open-past');
    expect(watch.textContent).toBe('Voir l’enregistrement');
    expect(watch.getAttribute('href')).toBe(`/sessions/${recorded.id}/classroom`);
    expect(within(cards[1]).queryByTestId('session-recording-available')).toBeNull();
    expect(within(cards[1]).getByTestId('session-open-past').textContent).toBe('Ouvrir la séance');
    expect(asked.sort()).toEqual(['coming', 'recent']);
  });
});
