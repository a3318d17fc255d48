import { screen } from '@testing-library/react';
import type { Schemas } from '@mre/api-client';
import { describe, expect, it } from 'vitest';
import { adminUser, emptyList, fakeFetch, json } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

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

  it("shows the trainee's own status, and their place on the waitlist", async () => {
    const cohort = (
      id: string,
      name: string,
      myEnrollment: Schemas['CohortDto']['myEnrollment'],
    ): Schemas['CohortDto'] => ({
      id,
      courseId: '00000000-0000-4000-8000-0000000000c1',
      courseCode: 'AERO-101',
      courseTitle: { fr: 'Maintenance aéronautique' },
      centreId: '00000000-0000-4000-8000-0000000000d1',
      centreName: 'ISTA Kénitra',
      kind: 'trainees',
      name,
      capacity: 20,
      startsOn: '2026-03-02',
      endsOn: '2026-06-26',
      minAttendancePercent: 80,
      recordingRetentionDays: null,
      recordingAllowed: true,
      requiresFinalQuizPass: false,
      teacherIds: [],
      teachers: [],
      counts: { enrolled: 20, waitlisted: 4 },
      myEnrollment,
      permissions: {
        edit: false,
        manage: false,
        viewRoster: false,
        issueCertificates: false,
        revokeCertificates: false,
        scheduleSessions: false,
      },
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    });
    renderApp({
      route: '/my-courses',
      signedIn: true,
      fetch: fakeFetch({
        'GET /api/me': () => json(200, trainee),
        'GET /api/cohorts': () =>
          json(200, {
            items: [
              cohort('00000000-0000-4000-8000-0000000000b1', 'Printemps', {
                status: 'active',
                position: null,
              }),
              cohort('00000000-0000-4000-8000-0000000000b2', 'Automne', {
                status: 'waitlisted',
                position: 3,
              }),
            ],
            total: 2,
          }),
      }),
    });

    const cards = await screen.findAllByTestId('my-course');
    expect(cards.map((card) => card.querySelector('[data-testid="enrollment-status"]')?.textContent)).toEqual(
      ['Inscrit', 'En liste d’attente'],
    );
    expect(screen.getByTestId('my-course-position').textContent).toBe('Rang 3 sur la liste d’attente');
  });
});
