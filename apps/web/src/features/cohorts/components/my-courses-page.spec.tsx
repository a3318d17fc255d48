import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { adminUser, emptyList, fakeFetch, json } from '../../../test/fake-api';
import { renderApp } from '../../../test/render-app';

const trainee = { ...adminUser, role: 'trainee' as const, fullName: 'Sara Alaoui' };

describe('my courses', () => {
  it('says so when the trainee is in no cohort yet', async () => {
    renderApp({
      route: '/my-courses',
      signedIn: true,
      fetch: fakeFetch({
        'GET /api/me': () => json(200, trainee),
        'GET /api/cohorts': () => json(200, emptyList),
      }),
    });

    await screen.findByRole('heading', { name: 'Mes formations' });
    expect((await screen.findByTestId('empty-state')).textContent).toContain(
      'Vous n’êtes inscrit à aucune formation pour l’instant',
    );
    expect(screen.getByTestId('nav-my-courses')).toBeTruthy();
    expect(screen.queryByTestId('nav-cohorts')).toBeNull();
  });
});
