import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Schemas } from '@mre/api-client';
import { adminUser, fakeFetch, json, sessionDto } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

const SESSION_ID = '00000000-0000-4000-8000-000000000501';
const TRAINEE_ID = '00000000-0000-4000-8000-0000000000f1';

const coordinator: Schemas['UserDto'] = {
  ...adminUser,
  role: 'coordinator',
  fullName: 'Nadia Coordinatrice',
};

const session = sessionDto({
  id: SESSION_ID,
  title: 'Hydraulique',
  startsAt: '2031-03-12T23:00:00.000Z',
  mode: 'hybrid',
});

const absent: Schemas['AttendanceRowDto'] = {
  userId: TRAINEE_ID,
  fullName: 'Salma Benali',
  minutesPresent: 12,
  percent: 13.3,
  status: 'absent',
  source: 'live',
  firstJoinAt: '2031-03-12T23:40:00.000Z',
  correctionReason: null,
  correctedBy: null,
  correctedByName: null,
  correctedAt: null,
};

function attendance(rows: () => Schemas['AttendanceRowDto'][], put: (request: Request) => Promise<Response>) {
  return fakeFetch({
    'GET /api/me': () => json(200, coordinator),
    [`GET /api/sessions/${SESSION_ID}`]: () => json(200, session),
    [`GET /api/sessions/${SESSION_ID}/attendance`]: () => json(200, { items: rows(), total: rows().length }),
    [`PUT /api/sessions/${SESSION_ID}/attendance/${TRAINEE_ID}`]: put,
  });
}

/** The day after the session: it has ended, its attendance is final. */
const AFTER_THE_SESSION = Date.parse('2031-03-13T12:00:00.000Z');

describe('attendance', () => {
  beforeEach(() => {
    vi.spyOn(Date, 'now').mockReturnValue(AFTER_THE_SESSION);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('says nobody is absent yet before the session, and allows no correction then', async () => {
    vi.mocked(Date.now).mockReturnValue(Date.parse('2031-03-12T20:00:00.000Z'));
    renderApp({
      route: `/sessions/${SESSION_ID}/attendance`,
      signedIn: true,
      fetch: attendance(
        () => [{ ...absent, status: null, minutesPresent: 0, percent: 0, firstJoinAt: null }],
        async () => json(500, {}),
      ),
    });

    const row = await screen.findByTestId('attendance-row');
    expect(within(row).getByTestId('attendance-status').textContent).toBe('Pas commencée');
    expect(within(row).getByTestId('attendance-correct').hasAttribute('disabled')).toBe(true);
    expect(within(row).queryByTestId('attendance-check-in')).toBeNull();
    expect(screen.getByTestId('attendance-stage-note').textContent).toContain('personne n’est compté absent');
  });

  it('says "in progress" rather than absent during the session, and allows corrections', async () => {
    vi.mocked(Date.now).mockReturnValue(Date.parse('2031-03-12T23:30:00.000Z'));
    renderApp({
      route: `/sessions/${SESSION_ID}/attendance`,
      signedIn: true,
      fetch: attendance(
        () => [{ ...absent, status: null }],
        async () => json(500, {}),
      ),
    });

    const row = await screen.findByTestId('attendance-row');
    expect(within(row).getByTestId('attendance-status').textContent).toBe('En cours');
    expect(within(row).getByTestId('attendance-correct').hasAttribute('disabled')).toBe(false);
  });

  it('lists each person with minutes, share, status and source', async () => {
    renderApp({
      route: `/sessions/${SESSION_ID}/attendance`,
      signedIn: true,
      fetch: attendance(
        () => [absent],
        async () => json(500, {}),
      ),
    });

    const row = await screen.findByTestId('attendance-row');
    expect(row.textContent).toContain('Salma Benali');
    expect(row.textContent).toContain('13\u00a0%');
    expect(within(row).getByTestId('attendance-status').textContent).toBe('Absent');
    expect(row.textContent).toContain('Classe en ligne');
    // A hybrid session: the coordinator can check people in at the centre.
    expect(within(row).getByTestId('attendance-check-in')).toBeTruthy();
    // The coordinator is in Casablanca, at UTC+0 all year since 2026 (tz database 2026c): 23:00.
    expect(screen.getByTestId('session-time').textContent).toBe(
      'mercredi 12 mars 2031 à 23:00 – 00:30 (Casablanca, UTC+0)',
    );
  });

  it('asks for a reason before correcting, then shows who corrected, when and why', async () => {
    const corrected = {
      ...absent,
      status: 'excused' as const,
      source: 'manual' as const,
      correctionReason: 'Certificat médical reçu',
      correctedBy: coordinator.id,
      correctedAt: '2031-03-13T09:00:00.000Z',
    };
    let rows = [absent];
    const sent: unknown[] = [];
    const put = vi.fn(async (request: Request) => {
      sent.push(await request.json());
      rows = [corrected];
      return json(200, corrected);
    });
    renderApp({
      route: `/sessions/${SESSION_ID}/attendance`,
      signedIn: true,
      fetch: attendance(() => rows, put),
    });

    fireEvent.click(await screen.findByTestId('attendance-correct'));
    fireEvent.change(screen.getByTestId('correction-reason'), { target: { value: ' a ' } });
    fireEvent.click(screen.getByTestId('correction-save'));

    expect((await screen.findByText('Indiquez un motif d’au moins 3 caractères.')).textContent).toBeTruthy();
    expect(put).not.toHaveBeenCalled();

    fireEvent.change(screen.getByTestId('correction-reason'), {
      target: { value: 'Certificat médical reçu' },
    });
    fireEvent.click(screen.getByTestId('correction-save'));

    await vi.waitFor(() => expect(put).toHaveBeenCalledTimes(1));
    expect(sent).toEqual([{ status: 'absent', reason: 'Certificat médical reçu' }]);
    // Said once saved, the dialog gone (read out by screen readers: a status).
    expect((await screen.findByTestId('flash-message')).textContent).toContain('Enregistré');
    expect(screen.getByTestId('flash-message').closest('[role="status"]')).toBeTruthy();
    const correction = await screen.findByTestId('attendance-correction');
    expect(correction.textContent).toContain('Corrigé par Nadia Coordinatrice le 13/03/2031');
    expect(correction.textContent).toContain('Certificat médical reçu');
  });
});
