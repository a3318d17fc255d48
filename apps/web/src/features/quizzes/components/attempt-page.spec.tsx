import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Schemas } from '@mre/api-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adminUser, fakeFetch, json } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

const trainee = { ...adminUser, role: 'trainee' as const, fullName: 'Sara Alaoui' };
const ATTEMPT_ID = '00000000-0000-4000-8000-0000000000a1';
const attempt: Schemas['AttemptDto'] = {
  id: ATTEMPT_ID,
  quizId: '00000000-0000-4000-8000-0000000000a2',
  cohortId: '00000000-0000-4000-8000-0000000000a3',
  userId: trainee.id,
  title: { fr: 'Sécurité électrique' },
  purpose: 'practice',
  number: 1,
  status: 'in-progress',
  startedAt: '2026-12-06T10:00:00Z',
  deadlineAt: null,
  submittedAt: null,
  autoSubmitted: false,
  questions: [{ id: 'q-short', kind: 'short', prompt: { fr: 'Nom de l’appareil ?' }, points: 1 }],
  answers: {},
};

function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

describe('taking a quiz on a weak link', () => {
  afterEach(() => {
    setOnline(true);
    localStorage.clear();
  });

  it('keeps an answer given offline on the device, across a reload, and sends it when the connection returns', async () => {
    const saved: unknown[] = [];
    const fetch = fakeFetch({
      'GET /api/me': () => json(200, trainee),
      [`GET /api/attempts/${ATTEMPT_ID}`]: () => json(200, attempt),
      [`PUT /api/attempts/${ATTEMPT_ID}/answers`]: async (request) => {
        saved.push(await request.json());
        return json(200, { savedAt: new Date().toISOString(), answered: 1 });
      },
    });
    setOnline(false);
    const first = renderApp({ route: `/attempts/${ATTEMPT_ID}`, signedIn: true, fetch });
    const input = await screen.findByLabelText(/Nom de l’appareil/);
    fireEvent.change(input, { target: { value: 'voltmètre' } });
    await screen.findByText(/Hors ligne : réponses gardées sur cet appareil/);
    expect(JSON.parse(localStorage.getItem(`mre.attempt.${ATTEMPT_ID}`) ?? '{}')).toEqual({
      'q-short': 'voltmètre',
    });
    expect(saved).toEqual([]);

    // The page is closed and opened again, still offline: the answer is there.
    first.unmount();
    renderApp({ route: `/attempts/${ATTEMPT_ID}`, signedIn: true, fetch });
    expect(((await screen.findByLabelText(/Nom de l’appareil/)) as HTMLInputElement).value).toBe('voltmètre');

    act(() => setOnline(true));
    await waitFor(() => expect(saved).toEqual([{ answers: { 'q-short': 'voltmètre' } }]));
    await screen.findByText('Réponses enregistrées');
    expect(localStorage.getItem(`mre.attempt.${ATTEMPT_ID}`)).toBeNull();
  });

  it('submits an answer cleared offline as cleared, so the server does not keep the one saved before', async () => {
    const submitted: unknown[] = [];
    const fetch = fakeFetch({
      'GET /api/me': () => json(200, trainee),
      [`GET /api/attempts/${ATTEMPT_ID}`]: () =>
        json(200, { ...attempt, answers: { 'q-short': 'voltmètre' } }),
      [`POST /api/attempts/${ATTEMPT_ID}/submit`]: async (request) => {
        submitted.push(await request.json());
        return json(200, {
          ...attempt,
          status: 'submitted',
          submittedAt: new Date().toISOString(),
          result: { score: 0, maxScore: 1, percent: 0, passed: false },
        });
      },
    });
    setOnline(false);
    renderApp({ route: `/attempts/${ATTEMPT_ID}`, signedIn: true, fetch });
    const input = (await screen.findByLabelText(/Nom de l’appareil/)) as HTMLInputElement;
    expect(input.value).toBe('voltmètre');
    fireEvent.change(input, { target: { value: '' } });
    await screen.findByText(/Hors ligne : réponses gardées sur cet appareil/);
    fireEvent.click(screen.getByTestId('attempt-submit'));
    fireEvent.click(await screen.findByTestId('attempt-submit-confirm'));
    await waitFor(() => expect(submitted).toEqual([{ answers: { 'q-short': null } }]));
  });

  it('forgets the answers waiting on the device when the person signs out (a shared phone)', async () => {
    const fetch = fakeFetch({
      'GET /api/me': () => json(200, trainee),
      [`GET /api/attempts/${ATTEMPT_ID}`]: () => json(200, attempt),
      'POST /api/auth/logout': () => new Response(null, { status: 204 }),
    });
    setOnline(false);
    renderApp({ route: `/attempts/${ATTEMPT_ID}`, signedIn: true, fetch });
    fireEvent.change(await screen.findByLabelText(/Nom de l’appareil/), { target: { value: 'voltmètre' } });
    localStorage.setItem('mre.attempt.00000000-0000-4000-8000-0000000000b9', '{"q":"x"}');
    expect(localStorage.getItem(`mre.attempt.${ATTEMPT_ID}`)).not.toBeNull();
    fireEvent.click(screen.getAllByTestId(/sign-out$/)[0]);
    await waitFor(() =>
      expect(Object.keys(localStorage).filter((key) => key.startsWith('mre.attempt.'))).toEqual([]),
    );
  });

  it('stops sending once the server says the time is up', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const fetch = fakeFetch({
        'GET /api/me': () => json(200, trainee),
        [`GET /api/attempts/${ATTEMPT_ID}`]: () => json(200, attempt),
        [`PUT /api/attempts/${ATTEMPT_ID}/answers`]: () =>
          json(409, { statusCode: 409, error: 'Conflict', message: 'over', code: 'attempt-time-up' }),
      });
      renderApp({ route: `/attempts/${ATTEMPT_ID}`, signedIn: true, fetch });
      fireEvent.change(await screen.findByLabelText(/Nom de l’appareil/), { target: { value: 'x' } });
      await act(() => vi.advanceTimersByTimeAsync(1_000));
      await screen.findByTestId('attempt-time-up');
      expect(localStorage.getItem(`mre.attempt.${ATTEMPT_ID}`)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
