import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Schemas } from '@mre/api-client';
import { adminUser, emptyList, fakeFetch, json, sessionDto } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

const COHORT_ID = '00000000-0000-4000-8000-0000000000b1';

const expert: Schemas['UserDto'] = {
  ...adminUser,
  id: '00000000-0000-4000-8000-0000000000e1',
  fullName: 'Karim Expert',
  role: 'expert',
  timeZone: 'America/Toronto',
};
const trainee: Schemas['UserDto'] = { ...expert, role: 'trainee', timeZone: 'Africa/Casablanca' };

const imminent = sessionDto({
  id: '00000000-0000-4000-8000-000000000501',
  title: 'Hydraulique',
  startsAt: new Date(Date.now() + 5 * 60_000).toISOString(),
});
// Agreed at 10:00 in Casablanca on 12 January 2027. By the tz database (2026c on) that is 10:00 UTC
// (Morocco at UTC+0 all year since 20 September 2026): 05:00 in Toronto (EST, UTC-5) and 04:00 in
// Edmonton (UTC-6 all year since 1 November 2026).
const nextYear = sessionDto({
  id: '00000000-0000-4000-8000-000000000502',
  title: 'Avionique',
  startsAt: '2027-01-12T10:00:00.000Z',
  endsAt: '2027-01-12T11:30:00.000Z',
  localStart: '2027-01-12T10:00:00',
  timeZone: 'Africa/Casablanca',
  joinOpensAt: '2027-01-12T09:45:00.000Z',
});

function schedule(user: Schemas['UserDto'], items = [imminent, nextYear]) {
  return fakeFetch({
    'GET /api/me': () => json(200, user),
    'GET /api/cohorts': () => json(200, emptyList),
    'GET /api/sessions': () => json(200, { items, total: items.length }),
  });
}

async function card(title: string): Promise<HTMLElement> {
  const cards = await screen.findAllByTestId('session-card');
  const found = cards.find((element) => within(element).getByTestId('session-title').textContent === title);
  if (!found) throw new Error(`no session card titled ${title}`);
  return found;
}

/** A cohort taught by the expert in Toronto. */
const torontoCohort = {
  id: COHORT_ID,
  name: 'Kénitra — freinage',
  teachers: [{ id: expert.id, fullName: expert.fullName, timeZone: 'America/Toronto' }],
};

const dayTitles = () => screen.getAllByTestId('schedule-day-title').map((day) => day.textContent);

describe('my schedule', () => {
  it('shows an expert in Toronto their time with its offset, and the hour agreed in Casablanca', async () => {
    renderApp({ route: '/schedule', signedIn: true, fetch: schedule(expert) });

    const later = await card('Avionique');
    expect(within(later).getByTestId('session-time').textContent).toBe('05:00 – 06:30 (Toronto, UTC-5)');
    expect(within(later).getByTestId('session-time-zone').textContent).toBe('Toronto, UTC-5');
    expect(within(later).getByTestId('session-agreed-time').textContent).toBe(
      'Heure convenue : 10:00, Casablanca (UTC+0)',
    );
    expect(dayTitles()).toContain('mardi 12 janvier 2027');
  });

  it('shows a trainee in Casablanca the hour agreed there, without repeating it', async () => {
    renderApp({ route: '/schedule', signedIn: true, fetch: schedule(trainee) });

    const later = await card('Avionique');
    expect(within(later).getByTestId('session-time').textContent).toBe('10:00 – 11:30 (Casablanca, UTC+0)');
    expect(within(later).queryByTestId('session-agreed-time')).toBeNull();
    expect(dayTitles()).toContain('mardi 12 janvier 2027');
    expect(within(later).queryByTestId('session-attendance')).toBeNull(); // staff only
  });

  it('shows Edmonton at UTC-6 in winter, as Alberta now keeps it all year', async () => {
    renderApp({
      route: '/schedule',
      signedIn: true,
      fetch: schedule({ ...trainee, timeZone: 'America/Edmonton' }),
    });

    const later = await card('Avionique');
    expect(within(later).getByTestId('session-time').textContent).toBe('04:00 – 05:30 (Edmonton, UTC-6)');
    expect(within(later).getByTestId('session-agreed-time').textContent).toBe(
      'Heure convenue : 10:00, Casablanca (UTC+0)',
    );
  });

  it('names the viewer’s zone the way the times do, with its offset today', async () => {
    // Only the clock: the page's timers keep running. 1 July 2026: Toronto is on EDT (UTC-4), while
    // the session in January shows EST (UTC-5).
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-07-01T12:00:00Z') });
    try {
      renderApp({ route: '/schedule', signedIn: true, fetch: schedule(expert, [nextYear]) });

      const later = await card('Avionique');
      expect(screen.getByTestId('schedule-zone').textContent).toBe(
        'Heures affichées dans votre fuseau horaire : Toronto (UTC-4)',
      );
      expect(within(later).getByTestId('session-time-zone').textContent).toBe('Toronto, UTC-5');
    } finally {
      vi.useRealTimers();
    }
  });

  it('names the agreed day when it is another day there', async () => {
    // 02:00 on 13 January 2027 in Casablanca (UTC+0) is 21:00 on the 12th in Toronto (UTC-5).
    const early = sessionDto({
      id: '00000000-0000-4000-8000-000000000503',
      title: 'Freins',
      startsAt: '2027-01-13T02:00:00.000Z',
      localStart: '2027-01-13T02:00:00',
      timeZone: 'Africa/Casablanca',
    });
    renderApp({ route: '/schedule', signedIn: true, fetch: schedule(expert, [early]) });

    const freins = await card('Freins');
    expect(within(freins).getByTestId('session-time').textContent).toBe('21:00 – 22:30 (Toronto, UTC-5)');
    expect(within(freins).getByTestId('session-agreed-time').textContent).toBe(
      'Heure convenue : 13 janv. 2027, 02:00, Casablanca (UTC+0)',
    );
  });

  it('enables Join from the moment the API says the class opens', async () => {
    // This session's window, as the API answers it, opened a minute ago, 29 minutes before the start.
    const wideWindow = sessionDto({
      id: '00000000-0000-4000-8000-000000000504',
      title: 'Pneumatique',
      startsAt: new Date(Date.now() + 28 * 60_000).toISOString(),
      joinOpensAt: new Date(Date.now() - 60_000).toISOString(),
    });
    renderApp({
      route: '/schedule',
      signedIn: true,
      fetch: schedule(expert, [imminent, wideWindow, nextYear]),
    });

    const soon = within(await card('Hydraulique')).getByTestId('session-join');
    const wide = within(await card('Pneumatique')).getByTestId('session-join');
    const later = await card('Avionique');

    expect(soon.tagName).toBe('A');
    expect(soon.getAttribute('href')).toBe(`/sessions/${imminent.id}/classroom`);
    expect(wide.tagName).toBe('A');
    expect(within(later).getByTestId('session-join').hasAttribute('disabled')).toBe(true);
    // joinOpensAt 09:45 UTC: 04:45 in Toronto.
    expect(within(later).getByTestId('session-opens-at').textContent).toBe(
      'Ouverture : 12 janv. 2027, 04:45 (Toronto, UTC-5)',
    );
  });

  it('reschedules in the session’s own zone from its agreed hour, and sends that zone', async () => {
    const patches: unknown[] = [];
    renderApp({
      route: '/schedule',
      signedIn: true,
      fetch: fakeFetch({
        'GET /api/me': () => json(200, expert),
        'GET /api/cohorts': () => json(200, emptyList),
        'GET /api/sessions': () => json(200, { items: [nextYear], total: 1 }),
        [`PATCH /api/sessions/${nextYear.id}`]: async (request) => {
          patches.push(await request.json());
          return json(200, nextYear);
        },
      }),
    });

    fireEvent.click(within(await card('Avionique')).getByTestId('session-reschedule'));

    const time = (await screen.findByTestId('session-time-input')) as HTMLInputElement;
    expect((screen.getByTestId('session-date') as HTMLInputElement).value).toBe('2027-01-12');
    expect(time.value).toBe('10:00');
    expect((screen.getByTestId('session-time-zone-input') as HTMLInputElement).value).toBe(
      'Casablanca — Maroc (UTC+0)',
    );
    fireEvent.change(time, { target: { value: '11:00' } });
    fireEvent.click(screen.getByTestId('session-save'));

    await waitFor(() => expect(patches).toHaveLength(1));
    expect(patches[0]).toEqual({
      titles: { fr: 'Avionique' },
      startsAt: '2027-01-12T11:00:00+00:00',
      durationMinutes: 90,
      mode: 'remote',
      timeZone: 'Africa/Casablanca',
    });
  });

  it('schedules a single session in the zone whose clock was filled in', async () => {
    const posts: unknown[] = [];
    renderApp({
      route: '/schedule',
      signedIn: true,
      fetch: fakeFetch({
        'GET /api/me': () => json(200, expert),
        'GET /api/cohorts': () => json(200, { items: [torontoCohort], total: 1 }),
        'GET /api/sessions': () => json(200, emptyList),
        [`POST /api/cohorts/${COHORT_ID}/sessions`]: async (request) => {
          posts.push(await request.json());
          return json(201, { items: [nextYear] });
        },
      }),
    });

    fireEvent.click(await screen.findByTestId('session-create'));
    fireEvent.click(await screen.findByTestId('session-cohort'));
    fireEvent.click(await screen.findByRole('option', { name: 'Kénitra — freinage', hidden: true }));
    fireEvent.change(screen.getByTestId('session-title-fr'), { target: { value: 'Freins' } });
    fireEvent.change(screen.getByTestId('session-title-ar'), { target: { value: 'الفرامل' } });
    fireEvent.change(screen.getByTestId('session-date'), { target: { value: '2027-01-12' } });
    fireEvent.change(screen.getByTestId('session-time-input'), { target: { value: '05:00' } });
    // Read in the teacher's zone and the cohort's side by side, never as a raw ISO instant; and 05:00
    // is night in Toronto.
    const preview = screen.getByTestId('session-starts-at');
    expect(
      [...preview.querySelectorAll('bdi')].map((part) => part.textContent?.replace(/\u202f|\u00a0/g, ' ')),
    ).toEqual(['05:00 Toronto', '10:00 Casablanca']);
    expect(preview.textContent).not.toContain('2027-01-12T');
    expect(screen.getByTestId('session-night-warning').textContent).toBe(
      'Attention, c’est la nuit pour certains : 05:00 Toronto.',
    );
    fireEvent.click(screen.getByTestId('session-save'));

    await waitFor(() => expect(posts).toHaveLength(1));
    // The expert's own zone by default: 05:00 in Toronto, EST (UTC-5) in January.
    expect(posts[0]).toEqual({
      titles: { fr: 'Freins', ar: 'الفرامل' },
      startsAt: '2027-01-12T05:00:00-05:00',
      durationMinutes: 90,
      mode: 'remote',
      timeZone: 'America/Toronto',
    });
    expect((await screen.findByTestId('flash-message')).textContent).toBe('Enregistré');
  });

  it('shows an admin the start on the clock of the cohort’s teacher in Toronto, and warns it is night there', async () => {
    renderApp({
      route: '/schedule',
      signedIn: true,
      fetch: fakeFetch({
        'GET /api/me': () => json(200, { ...adminUser, timeZone: 'Africa/Casablanca' }),
        'GET /api/cohorts': () => json(200, { items: [torontoCohort], total: 1 }),
        'GET /api/sessions': () => json(200, emptyList),
      }),
    });

    fireEvent.click(await screen.findByTestId('session-create'));
    fireEvent.click(await screen.findByTestId('session-cohort'));
    fireEvent.click(await screen.findByRole('option', { name: 'Kénitra — freinage', hidden: true }));
    fireEvent.change(screen.getByTestId('session-date'), { target: { value: '2027-01-12' } });
    fireEvent.change(screen.getByTestId('session-time-input'), { target: { value: '10:00' } });

    const preview = screen.getByTestId('session-starts-at');
    expect(
      [...preview.querySelectorAll('bdi')].map((part) => part.textContent?.replace(/\u202f|\u00a0/g, ' ')),
    ).toEqual(['05:00 Toronto', '10:00 Casablanca']);
    expect(screen.getByTestId('session-night-warning').textContent).toBe(
      'Attention, c’est la nuit pour certains : 05:00 Toronto.',
    );
  });

  it('strikes out and badges a cancelled session, with Join disabled', async () => {
    renderApp({
      route: '/schedule',
      signedIn: true,
      fetch: schedule(expert, [{ ...imminent, status: 'cancelled' }]),
    });

    const cancelled = await card('Hydraulique');
    expect(within(cancelled).getByTestId('session-cancelled').textContent).toBe('Annulée');
    expect(within(cancelled).getByTestId('session-join').hasAttribute('disabled')).toBe(true);
  });

  it('shows a trainee each session’s teachers, and their own attendance in past sessions', async () => {
    const held = sessionDto({
      id: '00000000-0000-4000-8000-000000000503',
      title: 'Freinage',
      titles: { fr: 'Freinage', ar: 'الفرملة' },
      startsAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
      teacherNames: ['Karim Alami', 'Leila Benali'],
    });
    const missed = sessionDto({
      id: '00000000-0000-4000-8000-000000000504',
      title: 'Pneumatique',
      startsAt: new Date(Date.now() - 50 * 3_600_000).toISOString(),
    });
    // Over 7 days ago: its survey has closed.
    const old = sessionDto({
      id: '00000000-0000-4000-8000-000000000505',
      title: 'Électricité',
      startsAt: new Date(Date.now() - 9 * 24 * 3_600_000).toISOString(),
    });
    const coming = { ...imminent, teacherNames: ['Karim Alami'] };
    const asked: string[] = [];
    renderApp({
      route: '/schedule',
      signedIn: true,
      fetch: fakeFetch({
        'GET /api/me': () => json(200, trainee),
        'GET /api/cohorts': () => json(200, emptyList),
        'GET /api/sessions': (request) =>
          new URL(request.url).searchParams.has('to')
            ? json(200, { items: [old, missed, held], total: 3 })
            : json(200, { items: [coming], total: 1 }),
        'GET /api/me/attendance': (request) => {
          asked.push(new URL(request.url).searchParams.get('sessionIds') ?? '');
          return json(200, {
            items: [
              { sessionId: held.id, status: 'present', source: 'live', minutesPresent: 81, percent: 90 },
              { sessionId: missed.id, status: 'absent', source: 'live', minutesPresent: 0, percent: 0 },
            ],
            total: 2,
          });
        },
      }),
    });

    const next = await card('Hydraulique');
    expect(within(next).getByTestId('session-teachers').textContent).toBe('Avec Karim Alami');
    const past = await screen.findByTestId('past-sessions');
    // Newest first.
    await waitFor(() =>
      expect(
        within(past)
          .getAllByTestId('past-session-status')
          .map((badge) => badge.textContent),
      ).toEqual(['Présent · 90\u00a0%', 'Absent · 0\u00a0%']),
    );
    expect(
      within(past)
        .getAllByTestId('past-session-title')
        .map((title) => title.textContent),
    ).toEqual(['Freinage', 'Pneumatique', 'Électricité']);
    // The survey of each class held in the last 7 days, one click away.
    expect(
      within(past)
        .getAllByRole('link', { name: 'Donner mon avis' })
        .map((link) => link.getAttribute('href')),
    ).toEqual([`/sessions/${held.id}/feedback`, `/sessions/${missed.id}/feedback`]);
    expect(within(past).getAllByTestId('session-teachers')[0].textContent).toBe(
      'Avec Karim Alami et Leila Benali',
    );
    expect(asked).toEqual([`${held.id},${missed.id},${old.id}`]);
  });

  it('says so when nothing is coming', async () => {
    renderApp({ route: '/schedule', signedIn: true, fetch: schedule(expert, []) });

    expect((await screen.findByTestId('empty-state')).textContent).toContain('Aucune séance à venir');
  });
});
