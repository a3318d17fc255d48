import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { Schemas } from '@mre/api-client';
import { describe, expect, it } from 'vitest';
import { adminUser, fakeFetch, json } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

/** A certified trainer: the trainee role, and a cohort they teach (the train-the-trainer cascade). */
const trainer = { ...adminUser, role: 'trainee' as const, fullName: 'Karima Trainer' };

const taughtCohort: Schemas['CohortDto'] = {
  id: '00000000-0000-4000-8000-0000000000b1',
  courseId: '00000000-0000-4000-8000-0000000000c1',
  courseCode: 'AERO-101',
  courseTitle: { fr: 'Maintenance aéronautique' },
  centreId: '00000000-0000-4000-8000-0000000000d1',
  centreName: 'ISTA Kénitra',
  kind: 'trainees',
  name: 'Printemps',
  capacity: 20,
  startsOn: '2026-03-02',
  endsOn: '2026-06-26',
  minAttendancePercent: 80,
  recordingRetentionDays: null,
  recordingAllowed: true,
  requiresFinalQuizPass: false,
  teacherIds: [trainer.id],
  teachers: [{ id: trainer.id, fullName: trainer.fullName, timeZone: trainer.timeZone }],
  counts: { enrolled: 12, waitlisted: 0 },
  myEnrollment: null,
  permissions: {
    edit: false,
    manage: false,
    viewRoster: true,
    issueCertificates: false,
    revokeCertificates: false,
    scheduleSessions: true,
  },
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('navigation from relations', () => {
  it('gives a trainee who teaches a cohort the cohort pages, from the menu', async () => {
    renderApp({
      route: '/profile',
      signedIn: true,
      fetch: fakeFetch({
        'GET /api/me': () => json(200, trainer),
        'GET /api/me/certificates': () => json(200, { items: [], total: 0 }),
        'GET /api/cohorts': () => json(200, { items: [taughtCohort], total: 1 }),
      }),
    });

    fireEvent.click(await screen.findByTestId('nav-cohorts'));
    expect(await screen.findByText('Printemps')).toBeTruthy();
  });

  it('keeps the cohort pages from a trainee who teaches nothing', async () => {
    renderApp({
      route: '/cohorts',
      signedIn: true,
      fetch: fakeFetch({
        'GET /api/me': () => json(200, trainer),
        'GET /api/cohorts': () => json(200, { items: [{ ...taughtCohort, teacherIds: [] }], total: 1 }),
        'GET /api/courses': () => json(200, { items: [], total: 0 }),
        'GET /api/sectors': () => json(200, { items: [], total: 0 }),
        'GET /api/networks': () => json(200, { items: [], total: 0 }),
      }),
    });

    await screen.findByTestId('nav-my-courses');
    expect(screen.queryByTestId('nav-cohorts')).toBeNull();
    // Sent to their home page instead.
    await waitFor(() => expect(window.location.pathname).toBe('/home'));
  });
});
