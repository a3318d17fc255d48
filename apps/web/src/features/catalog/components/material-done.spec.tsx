import { act, fireEvent, screen, within } from '@testing-library/react';
import { onlineManager } from '@tanstack/react-query';
import type { Schemas } from '@mre/api-client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adminUser, fakeFetch, json } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

const trainee = { ...adminUser, role: 'trainee' as const, fullName: 'Sara Alaoui' };
const COURSE_ID = '00000000-0000-4000-8000-0000000000c1';
const FILES = ['00000000-0000-4000-8000-0000000000f1', '00000000-0000-4000-8000-0000000000f2'];

const course: Schemas['CourseDetailDto'] = {
  id: COURSE_ID,
  code: 'AERO-101',
  title: { fr: 'Maintenance aéronautique' },
  summary: null,
  sectorCode: 'aeronautics',
  networkId: '00000000-0000-4000-8000-0000000000a1',
  format: 'hybrid',
  durationHours: 12,
  status: 'published',
  expertIds: [],
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  modules: [
    {
      id: '00000000-0000-4000-8000-0000000000e1',
      title: { fr: 'Sécurité' },
      position: 1,
      materials: FILES.map((id, index) => ({
        id,
        kind: 'file' as const,
        title: { fr: `Fiche ${index + 1}` },
        url: `/api/materials/${id}/file`,
        fileName: `fiche-${index + 1}.pdf`,
        contentType: 'application/pdf',
        sizeBytes: 1024,
      })),
    },
  ],
};

/** The API's side: the marks it holds for the trainee, and the requests that reached it. */
function server(initiallyDone: string[] = []) {
  const done = new Set(initiallyDone);
  const received: string[] = [];
  const mark = (present: boolean) => (request: Request) => {
    const id = new URL(request.url).pathname.split('/')[3];
    received.push(`${request.method} ${id}`);
    if (present) done.add(id);
    else done.delete(id);
    return new Response(null, { status: 204 });
  };
  const routes: Record<string, (request: Request) => Response> = {
    'GET /api/me': () => json(200, trainee),
    [`GET /api/courses/${COURSE_ID}`]: () => json(200, course),
    'GET /api/me/course-progress': () =>
      json(200, {
        items: [
          { courseId: COURSE_ID, doneCount: done.size, totalCount: FILES.length, doneMaterialIds: [...done] },
        ],
      }),
  };
  for (const id of FILES) {
    routes[`PUT /api/materials/${id}/done`] = mark(true);
    routes[`DELETE /api/materials/${id}/done`] = mark(false);
  }
  return { fetch: fakeFetch(routes), received, done };
}

const doneBox = (index: number) =>
  within(screen.getAllByTestId('material-file')[index]).getByRole('checkbox', {
    name: `Terminé : Fiche ${index + 1}`,
  }) as HTMLInputElement;

describe('a trainee marks course files done', () => {
  afterEach(() => {
    onlineManager.setOnline(true);
    localStorage.clear();
  });

  it('shows the progress, and a mark (or its removal) reaches the API and moves the bar', async () => {
    const api = server([FILES[0]]);
    renderApp({ route: `/courses/${COURSE_ID}`, signedIn: true, fetch: api.fetch });

    expect((await screen.findByTestId('course-progress-label')).textContent).toBe(
      '1 fichier(s) terminé(s) sur 2',
    );
    expect(doneBox(0).checked).toBe(true);
    expect(doneBox(1).checked).toBe(false);

    fireEvent.click(doneBox(1));
    await vi.waitFor(() => expect(api.received).toEqual([`PUT ${FILES[1]}`]));
    await vi.waitFor(() =>
      expect(screen.getByTestId('course-progress-label').textContent).toBe('2 fichier(s) terminé(s) sur 2'),
    );
    expect(screen.getByRole('progressbar', { name: '2 fichier(s) terminé(s) sur 2' })).toBeTruthy();

    fireEvent.click(doneBox(0));
    await vi.waitFor(() => expect(api.received).toEqual([`PUT ${FILES[1]}`, `DELETE ${FILES[0]}`]));
    await vi.waitFor(() => expect(doneBox(0).checked).toBe(false));
    expect(api.done).toEqual(new Set([FILES[1]]));
  });

  it('holds a mark made offline, shows it waiting, and sends it when the connection returns', async () => {
    const api = server();
    renderApp({ route: `/courses/${COURSE_ID}`, signedIn: true, fetch: api.fetch });
    await screen.findByTestId('course-progress-label');

    act(() => onlineManager.setOnline(false));
    fireEvent.click(doneBox(0));

    // Counted at once, but not sent: it says it waits for the connection.
    await vi.waitFor(() =>
      expect(screen.getByTestId('course-progress-label').textContent).toBe('1 fichier(s) terminé(s) sur 2'),
    );
    expect(doneBox(0).checked).toBe(true);
    expect(screen.getByTestId('material-done-pending').textContent).toBe(
      'En attente de connexion pour l’envoyer',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(api.received).toEqual([]);

    act(() => onlineManager.setOnline(true));
    await vi.waitFor(() => expect(api.received).toEqual([`PUT ${FILES[0]}`]));
    await vi.waitFor(() => expect(screen.queryByTestId('material-done-pending')).toBeNull());
    expect(screen.getByTestId('course-progress-label').textContent).toBe('1 fichier(s) terminé(s) sur 2');
  });

  it('sends a mark queued offline after the page was reloaded', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const api = server();
      const { keepQueriesIn } = await import('@/shared/api/query-persistence');
      const first = renderApp({ route: `/courses/${COURSE_ID}`, signedIn: true, fetch: api.fetch });
      const stop = keepQueriesIn(first.services.queryClient, localStorage);
      await screen.findByTestId('course-progress-label');
      act(() => onlineManager.setOnline(false));
      fireEvent.click(doneBox(1));
      await screen.findByTestId('material-done-pending');
      await act(() => vi.advanceTimersByTimeAsync(1500)); // saved a second after the change
      stop();
      first.unmount();

      // The reload, still offline: the mark is there, waiting.
      const second = renderApp({ route: `/courses/${COURSE_ID}`, signedIn: true, fetch: api.fetch });
      keepQueriesIn(second.services.queryClient, localStorage);
      expect((await screen.findByTestId('material-done-pending')).textContent).toBe(
        'En attente de connexion pour l’envoyer',
      );
      expect(api.received).toEqual([]);

      act(() => onlineManager.setOnline(true));
      await vi.waitFor(() => expect(api.received).toEqual([`PUT ${FILES[1]}`]));
      await vi.waitFor(() =>
        expect(screen.getByTestId('course-progress-label').textContent).toBe('1 fichier(s) terminé(s) sur 2'),
      );
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows each course’s progress in “my courses”', async () => {
    const api = server([FILES[1]]);
    const cohort = {
      id: '00000000-0000-4000-8000-0000000000b1',
      courseId: COURSE_ID,
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
      teacherIds: [],
      counts: { enrolled: 20, waitlisted: 0 },
      myEnrollment: { status: 'active', position: null },
      permissions: {},
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    };
    renderApp({
      route: '/my-courses',
      signedIn: true,
      fetch: (request) =>
        new URL(request.url).pathname === '/api/cohorts'
          ? Promise.resolve(json(200, { items: [cohort], total: 1 }))
          : api.fetch(request),
    });

    const card = await screen.findByTestId('my-course');
    expect((await within(card).findByTestId('course-progress-label')).textContent).toBe(
      '1 fichier(s) terminé(s) sur 2',
    );
  });
});
