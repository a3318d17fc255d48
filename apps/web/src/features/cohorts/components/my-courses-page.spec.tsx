import { fireEvent, screen, waitFor, within } from '@testing-library/react';
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
    renderApp({ route: '/my-courses', signedIn: true, fetch: fakeFetch(myCourses()) });

    const cards = await screen.findAllByTestId('my-course');
    expect(cards.map((card) => card.querySelector('[data-testid="enrollment-status"]')?.textContent)).toEqual(
      ['Inscrit', 'En liste d’attente'],
    );
    expect(screen.getByTestId('my-course-position').textContent).toBe('Rang 3 sur la liste d’attente');
  });

  it("states whether each cohort's sessions may be recorded, before the trainee's place is confirmed too", async () => {
    renderApp({ route: '/my-courses', signedIn: true, fetch: fakeFetch(myCourses()) });

    const cards = await screen.findAllByTestId('my-course');
    expect(cards.map((card) => within(card).getByTestId('my-course-recording').textContent)).toEqual([
      'Les séances de cette cohorte peuvent être enregistrées',
      'Les séances de cette cohorte ne sont pas enregistrées',
    ]);
  });

  it("links the sessions of the cohorts the trainee takes part in to their calendar, by the cohort's feed", async () => {
    const feed = {
      url: 'https://academy.test/api/calendar/secret.ics',
      webcalUrl: 'webcal://academy.test/api/calendar/secret.ics',
      createdAt: '2026-12-01T00:00:00Z',
    };
    renderApp({
      route: '/my-courses',
      signedIn: true,
      fetch: fakeFetch({ ...myCourses(), 'GET /api/me/calendar-feed': () => json(200, feed) }),
    });

    const [active, waitlisted] = await screen.findAllByTestId('my-course');
    const link = await within(active).findByTestId('cohort-calendar-link');
    expect(link.textContent).toBe('Ajouter les séances de cette cohorte à mon agenda');
    expect(link.getAttribute('href')).toBe(
      'webcal://academy.test/api/calendar/secret.ics?cohort=00000000-0000-4000-8000-0000000000b1',
    );
    expect(within(waitlisted).queryByTestId('cohort-calendar-link')).toBeNull();
  });

  it('creates the feed on the click when the trainee has none yet', async () => {
    const created: string[] = [];
    renderApp({
      route: '/my-courses',
      signedIn: true,
      fetch: fakeFetch({
        ...myCourses(),
        'POST /api/me/calendar-feed': () => {
          created.push('POST');
          return json(200, {
            url: 'https://academy.test/api/calendar/new.ics',
            webcalUrl: 'webcal://academy.test/api/calendar/new.ics',
            createdAt: '2026-12-06T00:00:00Z',
          });
        },
      }),
    });

    const [active] = await screen.findAllByTestId('my-course');
    // The click then opens the calendar app at webcal:// (jsdom says it cannot navigate there).
    fireEvent.click(await within(active).findByTestId('cohort-calendar-link'));
    await waitFor(() =>
      expect(within(active).getByTestId('cohort-calendar-link').getAttribute('href')).toBe(
        'webcal://academy.test/api/calendar/new.ics?cohort=00000000-0000-4000-8000-0000000000b1',
      ),
    );
    expect(created).toEqual(['POST']);
  });
});

function myCourses() {
  const cohort = (
    id: string,
    name: string,
    myEnrollment: Schemas['CohortDto']['myEnrollment'],
    recordingAllowed = true,
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
    recordingAllowed,
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
  return {
    'GET /api/me': () => json(200, trainee),
    'GET /api/cohorts': () =>
      json(200, {
        items: [
          cohort('00000000-0000-4000-8000-0000000000b1', 'Printemps', {
            status: 'active',
            position: null,
          }),
          cohort(
            '00000000-0000-4000-8000-0000000000b2',
            'Automne',
            { status: 'waitlisted', position: 3 },
            false,
          ),
        ],
        total: 2,
      }),
  };
}
