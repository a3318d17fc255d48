import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '@mre/api-client';
import { RECORDING_CONSENT_TEXT_VERSION } from '@mre/contracts';
import { adminUser, fakeFetch, json, sessionDto } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

const SESSION_ID = '00000000-0000-4000-8000-000000000601';
const COHORT_ID = '00000000-0000-4000-8000-0000000006b1';

const trainee: Schemas['UserDto'] = { ...adminUser, role: 'trainee', fullName: 'Salma Trainee' };
const session = sessionDto({
  id: SESSION_ID,
  cohortId: COHORT_ID,
  title: 'Hydraulique',
  startsAt: new Date(Date.now() + 60 * 60_000).toISOString(),
});

type Consent = Schemas['CohortRecordingConsentDto'];

function classroom(consent: Consent, answers: unknown[]) {
  let current = consent;
  return fakeFetch({
    'GET /api/me': () => json(200, trainee),
    [`GET /api/sessions/${SESSION_ID}`]: () => json(200, session),
    [`GET /api/cohorts/${COHORT_ID}/recording-consent`]: () => json(200, current),
    [`PUT /api/cohorts/${COHORT_ID}/recording-consent`]: async (request) => {
      const body = (await request.json()) as { choice: 'accepted' | 'objected'; textVersion: string };
      answers.push(body);
      current = { ...current, mine: { ...body, decidedAt: '2026-12-06T09:30:00Z' } };
      return json(200, current);
    },
  });
}

/** The classroom is a lazy chunk that brings LiveKit along: its first load takes a while. */
const findPage = (testId: string) => screen.findByTestId(testId, {}, { timeout: 10_000 });

describe('recording consent on the pre-join screen', () => {
  it("shows the cohort's notice and stores the trainee's objection with the wording's version", async () => {
    const answers: unknown[] = [];
    renderApp({
      route: `/sessions/${SESSION_ID}/classroom`,
      signedIn: true,
      fetch: classroom(
        { recordingAllowed: true, textVersion: RECORDING_CONSENT_TEXT_VERSION, mine: null },
        answers,
      ),
    });

    const card = await findPage('recording-consent');
    expect(card.textContent).toContain('Les séances de cette cohorte peuvent être enregistrées');
    expect(card.textContent).toContain('vous pouvez rejoindre la séance caméra et micro coupés');
    expect(within(card).queryByTestId('recording-consent-answer')).toBeNull();

    fireEvent.click(within(card).getByTestId('recording-consent-object'));

    const answer = await within(card).findByTestId('recording-consent-answer');
    expect(answer.textContent).toContain('Vous vous êtes opposé·e à l’enregistrement');
    expect(answer.textContent).toContain('6 déc. 2026');
    expect(answers).toEqual([{ choice: 'objected', textVersion: RECORDING_CONSENT_TEXT_VERSION }]);
  });

  it('says when the cohort is not recorded, with nothing to answer', async () => {
    renderApp({
      route: `/sessions/${SESSION_ID}/classroom`,
      signedIn: true,
      fetch: classroom(
        { recordingAllowed: false, textVersion: RECORDING_CONSENT_TEXT_VERSION, mine: null },
        [],
      ),
    });

    const card = await findPage('recording-consent');
    expect(card.textContent).toBe('Les séances de cette cohorte ne sont pas enregistrées');
    expect(within(card).queryByTestId('recording-consent-object')).toBeNull();
  });
});
