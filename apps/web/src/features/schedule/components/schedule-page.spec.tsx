import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '@mre/api-client';
import { adminUser, emptyList, fakeFetch, json } from '../../../test/fake-api';
import { renderApp } from '../../../test/render-app';

const expert: Schemas['UserDto'] = {
  ...adminUser,
  id: '00000000-0000-4000-8000-0000000000e1',
  fullName: 'Karim Expert',
  role: 'expert',
  timeZone: 'America/Toronto',
};

function session(id: string, startsAt: Date, title: string): Schemas['SessionDto'] {
  return {
    id,
    cohortId: '00000000-0000-4000-8000-0000000000b1',
    title,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 90 * 60_000).toISOString(),
    durationMinutes: 90,
    mode: 'remote',
    status: 'scheduled',
    roomName: `mre-${id}`,
    seriesId: null,
  };
}

const imminent = session(
  '00000000-0000-4000-8000-000000000501',
  new Date(Date.now() + 5 * 60_000),
  'Hydraulique',
);
// 23:00 UTC on 12 March 2031: 19:00 in Toronto (EDT), midnight in Casablanca (UTC+1).
const nextYear = session(
  '00000000-0000-4000-8000-000000000502',
  new Date('2031-03-12T23:00:00Z'),
  'Avionique',
);

function schedule(user: Schemas['UserDto']) {
  return fakeFetch({
    'GET /api/me': () => json(200, user),
    'GET /api/cohorts': () => json(200, emptyList),
    'GET /api/sessions': () => json(200, { items: [imminent, nextYear], total: 2 }),
  });
}

async function card(title: string): Promise<HTMLElement> {
  const cards = await screen.findAllByTestId('session-card');
  const found = cards.find((element) => within(element).getByTestId('session-title').textContent === title);
  if (!found) throw new Error(`no session card titled ${title}`);
  return found;
}

describe('my schedule', () => {
  it('shows each time in the viewer’s zone, naming the zone', async () => {
    renderApp({ route: '/schedule', signedIn: true, fetch: schedule(expert) });

    const later = await card('Avionique');
    expect(within(later).getByTestId('session-time').textContent).toContain('19:00');
    expect(within(later).getByTestId('session-time-zone').textContent).toBe('America/Toronto');
    expect(screen.getAllByTestId('schedule-day-title').map((day) => day.textContent)).toContain(
      'mercredi 12 mars 2031',
    );
  });

  it('shows the same instant in Casablanca time for a trainee there', async () => {
    renderApp({
      route: '/schedule',
      signedIn: true,
      fetch: schedule({ ...expert, role: 'trainee', timeZone: 'Africa/Casablanca' }),
    });

    const later = await card('Avionique');
    expect(within(later).getByTestId('session-time').textContent).toContain('00:00');
    expect(within(later).getByTestId('session-time-zone').textContent).toBe('Africa/Casablanca');
    expect(screen.getAllByTestId('schedule-day-title').map((day) => day.textContent)).toContain(
      'jeudi 13 mars 2031',
    );
    expect(within(later).queryByTestId('session-attendance')).toBeNull(); // staff only
  });

  it('enables Join only inside the join window', async () => {
    renderApp({ route: '/schedule', signedIn: true, fetch: schedule(expert) });

    const soon = within(await card('Hydraulique')).getByTestId('session-join');
    const later = within(await card('Avionique')).getByTestId('session-join');

    expect(soon.tagName).toBe('A');
    expect(soon.getAttribute('href')).toBe(`/sessions/${imminent.id}/classroom`);
    expect(later.hasAttribute('disabled')).toBe(true);
    expect(within(await card('Avionique')).getByTestId('session-opens-at').textContent).toContain('18:45');
  });

  it('strikes out and badges a cancelled session, with Join disabled', async () => {
    renderApp({
      route: '/schedule',
      signedIn: true,
      fetch: fakeFetch({
        'GET /api/me': () => json(200, expert),
        'GET /api/cohorts': () => json(200, emptyList),
        'GET /api/sessions': () => json(200, { items: [{ ...imminent, status: 'cancelled' }], total: 1 }),
      }),
    });

    const cancelled = await card('Hydraulique');
    expect(within(cancelled).getByTestId('session-cancelled').textContent).toBe('Annulée');
    expect(within(cancelled).getByTestId('session-join').hasAttribute('disabled')).toBe(true);
  });

  it('says so when nothing is coming', async () => {
    renderApp({
      route: '/schedule',
      signedIn: true,
      fetch: fakeFetch({
        'GET /api/me': () => json(200, expert),
        'GET /api/cohorts': () => json(200, emptyList),
        'GET /api/sessions': () => json(200, emptyList),
      }),
    });

    expect((await screen.findByTestId('empty-state')).textContent).toContain('Aucune séance à venir');
  });
});
