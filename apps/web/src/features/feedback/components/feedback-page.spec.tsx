import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Schemas } from '@mre/api-client';
import { describe, expect, it } from 'vitest';
import { adminUser, fakeFetch, json, sessionDto } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

const SESSION_ID = '00000000-0000-4000-8000-0000000000f1';
const trainee = { ...adminUser, role: 'trainee' as const, fullName: 'Sara Alaoui' };
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();
const session = (startsAt: string) => sessionDto({ id: SESSION_ID, title: 'Sécurité électrique', startsAt });

describe('the feedback page', () => {
  it('lets a trainee rate a held session with the keyboard-usable radio groups and shows until when the answer can change', async () => {
    const sent: unknown[] = [];
    const fetch = fakeFetch({
      'GET /api/me': () => json(200, trainee),
      [`GET /api/sessions/${SESSION_ID}`]: () => json(200, session(hoursAgo(3))),
      [`GET /api/sessions/${SESSION_ID}/feedback/mine`]: () =>
        json(404, { statusCode: 404, error: 'Not Found', message: 'x', code: 'feedback-not-found' }),
      [`PUT /api/sessions/${SESSION_ID}/feedback`]: async (request) => {
        const body = (await request.json()) as Schemas['PutFeedbackDto'];
        sent.push(body);
        const answer: Schemas['FeedbackDto'] = {
          sessionId: SESSION_ID,
          content: body.content,
          clarity: body.clarity,
          audioVideo: body.audioVideo,
          comment: body.comment ?? null,
          updatedAt: new Date().toISOString(),
          closesAt: '2099-01-08T10:00:00Z',
        };
        return json(200, answer);
      },
    });
    renderApp({ route: `/sessions/${SESSION_ID}/feedback`, signedIn: true, fetch });
    await screen.findByText('Sécurité électrique');
    expect(screen.getByTestId('feedback-open-until').textContent).toMatch(/^Ouvert jusqu’au /);

    // Nothing chosen: the form says which questions lack a score and sends nothing.
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer mon avis' }));
    expect(await screen.findAllByText('Choisissez une note de 1 à 5')).toHaveLength(3);
    expect(sent).toEqual([]);

    const content = screen.getByRole('radiogroup', { name: /Le contenu/ });
    fireEvent.click(within(content).getByRole('radio', { name: '4' }));
    fireEvent.click(
      within(screen.getByRole('radiogroup', { name: /La clarté de l’expert/ })).getByRole('radio', {
        name: '5 – excellent',
      }),
    );
    fireEvent.click(
      within(screen.getByRole('radiogroup', { name: /La qualité du son/ })).getByRole('radio', {
        name: '1 – faible',
      }),
    );
    fireEvent.change(screen.getByLabelText(/Commentaire/), { target: { value: '  Le son coupait.  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer mon avis' }));

    await waitFor(() =>
      expect(sent).toEqual([{ content: 4, clarity: 5, audioVideo: 1, comment: 'Le son coupait.' }]),
    );
    await screen.findByRole('button', { name: 'Modifier mon avis' });
    expect(screen.getByTestId('feedback-open-until').textContent).toMatch(
      /Votre réponse est enregistrée. Vous pouvez la modifier jusqu’au .*2099/,
    );
  });

  it('tells a trainee when the survey is not open yet, and shows their answer once it has closed', async () => {
    const upcoming = fakeFetch({
      'GET /api/me': () => json(200, trainee),
      [`GET /api/sessions/${SESSION_ID}`]: () =>
        json(200, session(new Date(Date.now() + 3600_000).toISOString())),
      [`GET /api/sessions/${SESSION_ID}/feedback/mine`]: () =>
        json(404, { statusCode: 404, error: 'Not Found', message: 'x', code: 'feedback-not-found' }),
    });
    const first = renderApp({ route: `/sessions/${SESSION_ID}/feedback`, signedIn: true, fetch: upcoming });
    expect((await screen.findByTestId('feedback-not-open')).textContent).toMatch(
      /Le questionnaire ouvre à la fin de la séance/,
    );
    expect(screen.queryByTestId('feedback-form')).toBeNull();
    first.unmount();

    const old = hoursAgo(24 * 10);
    const closed = fakeFetch({
      'GET /api/me': () => json(200, trainee),
      [`GET /api/sessions/${SESSION_ID}`]: () => json(200, session(old)),
      [`GET /api/sessions/${SESSION_ID}/feedback/mine`]: () =>
        json(200, {
          sessionId: SESSION_ID,
          content: 3,
          clarity: 4,
          audioVideo: 2,
          comment: 'Bien',
          updatedAt: old,
          closesAt: hoursAgo(24 * 3),
        }),
    });
    renderApp({ route: `/sessions/${SESSION_ID}/feedback`, signedIn: true, fetch: closed });
    expect((await screen.findByTestId('feedback-closed')).textContent).toMatch(/Le questionnaire a fermé le/);
    const saved = screen.getByTestId('feedback-saved');
    expect(saved.textContent).toContain('Le contenu3 / 5');
    expect(saved.textContent).toContain('Bien');
    expect(screen.queryByTestId('feedback-form')).toBeNull();
  });

  it('shows staff the count only below 5 answers, and the averages and comments from 5', async () => {
    const summary = (answers: number): Schemas['FeedbackSummaryDto'] => ({
      sessionId: SESSION_ID,
      answers,
      threshold: 5,
      averages: answers >= 5 ? { content: 4.2, clarity: 3.67, audioVideo: 2 } : null,
      comments: answers >= 5 ? [{ comment: 'Très clair' }] : null,
      opensAt: hoursAgo(2),
      closesAt: new Date(Date.now() + 6 * 24 * 3600_000).toISOString(),
    });
    const few = fakeFetch({
      'GET /api/me': () => json(200, adminUser),
      [`GET /api/sessions/${SESSION_ID}`]: () => json(200, session(hoursAgo(3))),
      [`GET /api/sessions/${SESSION_ID}/feedback`]: () => json(200, summary(3)),
    });
    const first = renderApp({ route: `/sessions/${SESSION_ID}/feedback`, signedIn: true, fetch: few });
    expect((await screen.findByTestId('feedback-answers')).textContent).toBe('3 réponses');
    expect(screen.getByTestId('feedback-below-threshold').textContent).toMatch(/à partir de 5 réponses/);
    expect(screen.queryByTestId('feedback-averages')).toBeNull();
    first.unmount();

    const enough = fakeFetch({
      'GET /api/me': () => json(200, { ...adminUser, role: 'expert' }),
      [`GET /api/sessions/${SESSION_ID}`]: () => json(200, session(hoursAgo(3))),
      [`GET /api/sessions/${SESSION_ID}/feedback`]: () => json(200, summary(6)),
    });
    renderApp({ route: `/sessions/${SESSION_ID}/feedback`, signedIn: true, fetch: enough });
    const table = await screen.findByTestId('feedback-averages');
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => row.textContent);
    expect(rows.slice(1)).toEqual([
      'Le contenu4,2 / 5',
      'La clarté de l’expert3,67 / 5',
      'La qualité du son et de l’image2 / 5',
    ]);
    expect(screen.getByTestId('feedback-comments').textContent).toBe('Très clair');
    expect(screen.getByTestId('feedback-answers').textContent).toBe('6 réponses');
  });

  it('lets an admin see who wrote each comment only on asking, after a note that the look is audited', async () => {
    const asked: string[] = [];
    const fetch = fakeFetch({
      'GET /api/me': () => json(200, adminUser),
      [`GET /api/sessions/${SESSION_ID}`]: () => json(200, session(hoursAgo(3))),
      [`GET /api/sessions/${SESSION_ID}/feedback`]: (request) => {
        const withAuthors = new URL(request.url).searchParams.get('withAuthors') === 'true';
        asked.push(withAuthors ? 'with authors' : 'anonymous');
        return json(200, {
          sessionId: SESSION_ID,
          answers: 2,
          threshold: 5,
          averages: withAuthors ? { content: 1, clarity: 1, audioVideo: 1 } : null,
          comments: withAuthors
            ? [{ comment: 'Propos insultants', authorId: adminUser.id, authorName: 'Karim Benali' }]
            : null,
          opensAt: hoursAgo(2),
          closesAt: new Date(Date.now() + 6 * 24 * 3600_000).toISOString(),
        });
      },
    });
    renderApp({ route: `/sessions/${SESSION_ID}/feedback`, signedIn: true, fetch });
    const button = await screen.findByRole('button', { name: 'Voir qui a écrit chaque commentaire' });
    expect(button.getAttribute('aria-describedby')).toBe('feedback-authors-note');
    expect(screen.getByText(/cette consultation sera enregistrée dans le journal d’audit/)).toBeTruthy();
    expect(screen.queryByText('Karim Benali')).toBeNull();
    expect(asked).toEqual(['anonymous']);

    fireEvent.click(button);
    expect((await screen.findByTestId('feedback-comment-author')).textContent).toBe('Par Karim Benali');
    expect(screen.getByTestId('feedback-comments').textContent).toContain('Propos insultants');
    expect(screen.getByTestId('feedback-authors-shown').textContent).toMatch(/a été enregistrée/);
    expect(asked).toEqual(['anonymous', 'with authors']);
  });

  it('offers no such button to the cohort’s expert', async () => {
    const fetch = fakeFetch({
      'GET /api/me': () => json(200, { ...adminUser, role: 'expert' }),
      [`GET /api/sessions/${SESSION_ID}`]: () => json(200, session(hoursAgo(3))),
      [`GET /api/sessions/${SESSION_ID}/feedback`]: () =>
        json(200, {
          sessionId: SESSION_ID,
          answers: 2,
          threshold: 5,
          averages: null,
          comments: null,
          opensAt: hoursAgo(2),
          closesAt: new Date(Date.now() + 6 * 24 * 3600_000).toISOString(),
        }),
    });
    renderApp({ route: `/sessions/${SESSION_ID}/feedback`, signedIn: true, fetch });
    await screen.findByTestId('feedback-below-threshold');
    expect(screen.queryByTestId('feedback-show-authors')).toBeNull();
  });
});
