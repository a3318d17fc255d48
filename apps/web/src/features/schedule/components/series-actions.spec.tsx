import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '@mre/api-client';
import { adminUser, emptyList, fakeFetch, json, sessionDto } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

const SERIES_ID = '00000000-0000-4000-8000-0000000005e1';

const expert: Schemas['UserDto'] = {
  ...adminUser,
  id: '00000000-0000-4000-8000-0000000000e1',
  fullName: 'Karim Expert',
  role: 'expert',
  timeZone: 'America/Toronto',
};

// Tuesdays 10:00 in Casablanca (UTC+0 all year since 2026-09-20, tz 2026c on): 05:00 in Toronto in January.
const weekly = sessionDto({
  id: '00000000-0000-4000-8000-000000000601',
  title: 'Avionique',
  startsAt: '2027-01-12T10:00:00.000Z',
  timeZone: 'Africa/Casablanca',
  seriesId: SERIES_ID,
});
const single = sessionDto({
  id: '00000000-0000-4000-8000-000000000602',
  title: 'Freinage',
  startsAt: '2027-01-14T10:00:00.000Z',
  timeZone: 'Africa/Casablanca',
});

interface Sent {
  method: string;
  path: string;
  body: unknown;
}

function world(user: Schemas['UserDto'], items: Schemas['SessionDto'][], sent: Sent[] = []) {
  const record = (answer: Schemas['SessionDto']) => async (request: Request) => {
    const text = await request.text();
    sent.push({
      method: request.method,
      path: new URL(request.url).pathname,
      body: text ? JSON.parse(text) : undefined,
    });
    return json(200, answer);
  };
  return fakeFetch({
    'GET /api/me': () => json(200, user),
    'GET /api/cohorts': () => json(200, emptyList),
    'GET /api/sessions': () => json(200, { items, total: items.length }),
    [`POST /api/sessions/${weekly.id}/cancel`]: record({ ...weekly, status: 'cancelled' }),
    [`POST /api/sessions/${single.id}/cancel`]: record({ ...single, status: 'cancelled' }),
    [`PATCH /api/sessions/${weekly.id}`]: record(weekly),
  });
}

async function card(title: string): Promise<HTMLElement> {
  const cards = await screen.findAllByTestId('session-card');
  const found = cards.find((element) => within(element).getByTestId('session-title').textContent === title);
  if (!found) throw new Error(`no session card titled ${title}`);
  return found;
}

describe('a weekly series in the schedule', () => {
  it('cancels this and the following sessions of a series, with the reason typed', async () => {
    const sent: Sent[] = [];
    renderApp({ route: '/schedule', signedIn: true, fetch: world(expert, [weekly, single], sent) });

    fireEvent.click(within(await card('Avionique')).getByTestId('session-cancel'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Cette séance seulement')).toBeTruthy();
    // "This session only" until the other is chosen.
    expect((within(dialog).getByLabelText('Cette séance seulement') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(dialog).getByLabelText('Cette séance et les suivantes de la série'));
    fireEvent.change(within(dialog).getByTestId('session-cancel-reason-input'), {
      target: { value: '  Le formateur est malade ' },
    });
    expect(within(dialog).getByTestId('session-cancel-confirm').textContent).toBe('Confirmer l’annulation');
    fireEvent.click(within(dialog).getByTestId('session-cancel-confirm'));

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      method: 'POST',
      path: `/api/sessions/${weekly.id}/cancel`,
      body: { scope: 'following', reason: 'Le formateur est malade' },
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // Said once the dialog has closed.
    expect((await screen.findByTestId('flash-message')).textContent).toBe('Enregistré');
  });

  it('marks each session of a series with its place in it', async () => {
    renderApp({
      route: '/schedule',
      signedIn: true,
      fetch: world(expert, [{ ...weekly, seriesPosition: 3, seriesLength: 8 }, single]),
    });

    expect(within(await card('Avionique')).getByTestId('session-series').textContent).toBe(
      'Hebdomadaire · 3 sur 8',
    );
    expect(within(await card('Freinage')).queryByTestId('session-series')).toBeNull();
  });

  it('asks no scope for a session outside a series, and cancels only with a reason', async () => {
    const sent: Sent[] = [];
    renderApp({ route: '/schedule', signedIn: true, fetch: world(expert, [weekly, single], sent) });

    fireEvent.click(within(await card('Freinage')).getByTestId('session-cancel'));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByTestId('session-scope')).toBeNull();
    fireEvent.change(within(dialog).getByTestId('session-cancel-reason-input'), { target: { value: '   ' } });
    fireEvent.click(within(dialog).getByTestId('session-cancel-confirm'));
    // The trainees are told why: nothing is sent without a reason.
    expect(await within(dialog).findByText('Obligatoire')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.change(within(dialog).getByTestId('session-cancel-reason-input'), {
      target: { value: 'Atelier fermé' },
    });
    fireEvent.click(within(dialog).getByTestId('session-cancel-confirm'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      method: 'POST',
      path: `/api/sessions/${single.id}/cancel`,
      body: { reason: 'Atelier fermé' },
    });
  });

  it('reschedules the following sessions of a series when asked', async () => {
    const sent: Sent[] = [];
    renderApp({ route: '/schedule', signedIn: true, fetch: world(expert, [weekly], sent) });

    fireEvent.click(within(await card('Avionique')).getByTestId('session-reschedule'));
    const scope = await screen.findByTestId('session-scope');
    fireEvent.click(within(scope).getByLabelText('Cette séance et les suivantes de la série'));
    fireEvent.change(screen.getByTestId('session-time-input'), { target: { value: '11:00' } });
    fireEvent.click(screen.getByTestId('session-save'));

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      method: 'PATCH',
      path: `/api/sessions/${weekly.id}`,
      body: { startsAt: '2027-01-12T11:00:00+00:00', timeZone: 'Africa/Casablanca', scope: 'following' },
    });
    expect((await screen.findByTestId('flash-message')).textContent).toBe('Enregistré');
  });

  it('shows the reason on a cancelled session, in the reader’s language when given in it', async () => {
    const cancelled = {
      ...weekly,
      status: 'cancelled' as const,
      cancellationReasons: { ar: 'الخبير مريض', fr: 'Le formateur est malade' },
    };
    const trainee = { ...expert, role: 'trainee' as const };
    renderApp({ route: '/schedule', signedIn: true, fetch: world(trainee, [cancelled, single]) });

    const struck = await card('Avionique');
    expect(within(struck).getByTestId('session-cancel-reason').textContent).toBe(
      'Motif : Le formateur est malade',
    );
    // No reason given: nothing said.
    expect(within(await card('Freinage')).queryByTestId('session-cancel-reason')).toBeNull();
  });
});
