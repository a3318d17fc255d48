import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '@mre/api-client';
import { adminUser, fakeFetch, json } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

const COHORT = '00000000-0000-4000-8000-0000000000b1';
const COURSE = '00000000-0000-4000-8000-0000000000c1';
const TEACHER = { id: '00000000-0000-4000-8000-0000000000f1', fullName: 'Karim Alami', teacher: true };
const TRAINEE = { id: '00000000-0000-4000-8000-0000000000a1', fullName: 'Amal Idrissi', teacher: false };

const trainee: Schemas['UserDto'] = {
  ...adminUser,
  id: TRAINEE.id,
  fullName: TRAINEE.fullName,
  role: 'trainee',
};

const cohort = {
  id: COHORT,
  courseId: COURSE,
  courseCode: 'AERO-101',
  courseTitle: { fr: 'Maintenance aéronautique' },
  centreId: '00000000-0000-4000-8000-0000000000d1',
  centreName: 'ISTA Kénitra',
  kind: 'trainees',
  name: 'Kénitra — printemps',
  capacity: 20,
  startsOn: '2026-03-02',
  endsOn: '2026-06-26',
  minAttendancePercent: 80,
  recordingRetentionDays: null,
  recordingAllowed: true,
  teacherIds: [TEACHER.id],
  teachers: [{ id: TEACHER.id, fullName: TEACHER.fullName, timeZone: 'America/Toronto' }],
  requiresFinalQuizPass: false,
  counts: { enrolled: 2, waitlisted: 0 },
  myEnrollment: null,
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
} satisfies Schemas['CohortDto'];

const TRAINEE_RIGHTS = { announce: false, ask: true, lead: false, moderate: false };
const TEACHER_RIGHTS = { announce: true, ask: false, lead: true, moderate: true };

const announcement: Schemas['AnnouncementDto'] = {
  id: '00000000-0000-4000-8000-000000000a01',
  cohortId: COHORT,
  title: 'Séance de jeudi avancée',
  body: '**Important** : lisez le guide.\n- chapitre 1\n- chapitre 2\n<script>alert(1)</script>',
  author: TEACHER,
  attachments: [],
  createdAt: '2026-04-01T10:00:00Z',
  editedAt: null,
};

const question: Schemas['BoardQuestionDto'] = {
  id: '00000000-0000-4000-8000-000000000b01',
  cohortId: COHORT,
  body: 'Quelle pression pour les pneus ?',
  author: TRAINEE,
  createdAt: '2026-04-01T08:00:00Z',
  pinned: false,
  acceptedAnswerId: null,
  waiting: true,
  hidden: false,
  hiddenReason: null,
  attachment: null,
  answers: [],
};

const LAZY = { timeout: 5000 };

function board(
  user: Schemas['UserDto'],
  permissions: typeof TRAINEE_RIGHTS,
  sent: Record<string, unknown>[],
) {
  const record = async (request: Request, answer: unknown, status = 201) => {
    sent.push({ path: new URL(request.url).pathname, body: await request.json() });
    return json(status, answer);
  };
  const staff = permissions.moderate;
  return fakeFetch({
    'GET /api/me': () => json(200, user),
    [`GET /api/cohorts/${COHORT}`]: () => json(200, cohort),
    [`GET /api/courses/${COURSE}`]: () => json(200, { id: COURSE, modules: [] }),
    [`GET /api/cohorts/${COHORT}/announcements`]: () =>
      json(200, { items: [announcement], total: 1, permissions }),
    [`GET /api/cohorts/${COHORT}/questions`]: () =>
      json(200, { items: [question], total: 1, waitingCount: staff ? 1 : null, permissions }),
    [`POST /api/cohorts/${COHORT}/announcements`]: (request) => record(request, announcement),
    [`POST /api/cohorts/${COHORT}/questions`]: (request) => record(request, question),
    [`POST /api/questions/${question.id}/answers`]: (request) => record(request, question),
    [`POST /api/questions/${question.id}/hide`]: (request) => record(request, question, 200),
    [`PATCH /api/announcements/${announcement.id}`]: (request) => record(request, announcement, 200),
  });
}

describe('Cohort board', () => {
  it('shows a trainee the announcements with their formatting, and no HTML from their text', async () => {
    localStorage.setItem('mre.locale', 'fr');
    renderApp({
      route: `/cohort-board/${COHORT}`,
      signedIn: true,
      fetch: board(trainee, TRAINEE_RIGHTS, []),
    });
    const item = await screen.findByTestId('announcement', {}, LAZY);
    expect(within(item).getByTestId('announcement-title').textContent).toBe('Séance de jeudi avancée');
    const body = within(item).getByTestId('announcement-body');
    expect(body.querySelector('strong')?.textContent).toBe('Important');
    expect(body.querySelectorAll('li')).toHaveLength(2);
    expect(body.querySelector('script')).toBeNull();
    expect(body.textContent).toContain('<script>alert(1)</script>');
    expect(screen.queryByTestId('announcement-new')).toBeNull();
    expect(screen.queryByTestId('announcement-edit')).toBeNull();
  });

  it('lets a trainee ask, refusing an empty question before sending anything', async () => {
    localStorage.setItem('mre.locale', 'fr');
    const sent: Record<string, unknown>[] = [];
    renderApp({
      route: `/cohort-board/${COHORT}?tab=questions`,
      signedIn: true,
      fetch: board(trainee, TRAINEE_RIGHTS, sent),
    });
    const form = await screen.findByTestId('ask-form', {}, LAZY);
    fireEvent.click(within(form).getByTestId('ask-submit'));
    expect(await within(form).findByText('Écrivez quelque chose ici.')).toBeTruthy();
    expect(sent).toEqual([]);
    fireEvent.change(within(form).getByTestId('ask-input'), { target: { value: '  Faut-il le manuel ?  ' } });
    fireEvent.click(within(form).getByTestId('ask-submit'));
    await waitFor(() =>
      expect(sent).toEqual([
        { path: `/api/cohorts/${COHORT}/questions`, body: { body: 'Faut-il le manuel ?' } },
      ]),
    );
    // Trainees neither see the waiting list nor the moderation buttons.
    expect(screen.queryByTestId('questions-waiting')).toBeNull();
    expect(screen.queryByTestId('moderate-hide')).toBeNull();
    expect(screen.queryByTestId('answer-accept')).toBeNull();
  });

  it('lets the teacher post an announcement and shows them the questions waiting for an answer', async () => {
    localStorage.setItem('mre.locale', 'fr');
    const sent: Record<string, unknown>[] = [];
    const teacher = { ...adminUser, id: TEACHER.id, role: 'expert' as const };
    renderApp({
      route: `/cohort-board/${COHORT}`,
      signedIn: true,
      fetch: board(teacher, TEACHER_RIGHTS, sent),
    });
    fireEvent.click(await screen.findByTestId('announcement-new', {}, LAZY));
    const form = screen.getByTestId('announcement-form');
    fireEvent.click(within(form).getByTestId('announcement-submit'));
    expect(await within(form).findAllByText('Écrivez quelque chose ici.')).toHaveLength(2);
    fireEvent.change(within(form).getByTestId('announcement-title-input'), { target: { value: 'Examen' } });
    fireEvent.change(within(form).getByTestId('announcement-body-input'), {
      target: { value: 'Révisez le *chapitre 3*.' },
    });
    fireEvent.click(within(form).getByTestId('announcement-submit'));
    await waitFor(() =>
      expect(sent).toEqual([
        {
          path: `/api/cohorts/${COHORT}/announcements`,
          body: { title: 'Examen', body: 'Révisez le *chapitre 3*.', materialIds: [] },
        },
      ]),
    );

    fireEvent.click(screen.getByTestId('board-tab-questions'));
    const waiting = await screen.findByTestId('questions-waiting', {}, LAZY);
    expect(waiting.textContent).toContain('1 question sans réponse depuis plus de 48 heures');
    expect((await within(waiting).findByTestId('question-body')).textContent).toBe(
      'Quelle pression pour les pneus ?',
    );
  });

  it('tells a trainee of an announcement in the bell, and leads to the cohort’s board', async () => {
    localStorage.setItem('mre.locale', 'ar');
    const notice: Schemas['NotificationDto'] = {
      id: '00000000-0000-4000-8000-0000000000e9',
      kind: 'announcement-posted',
      params: { cohortId: COHORT, announcementId: announcement.id, title: 'Séance de jeudi avancée' },
      readAt: null,
      createdAt: '2026-04-01T10:00:00Z',
    };
    const api = board({ ...trainee, locale: 'ar' }, TRAINEE_RIGHTS, []);
    renderApp({
      route: '/courses',
      signedIn: true,
      fetch: (request) =>
        new URL(request.url).pathname === '/api/me/notifications'
          ? Promise.resolve(json(200, { items: [notice], total: 1, unread: 1 }))
          : new URL(request.url).pathname === '/api/courses'
            ? Promise.resolve(json(200, { items: [], total: 0 }))
            : api(request),
    });
    fireEvent.click(await screen.findByTestId('notifications-bell', {}, LAZY));
    const item = await screen.findByTestId('notification-item', {}, LAZY);
    expect(item.textContent).toContain('إعلان جديد: «Séance de jeudi avancée».');
    fireEvent.click(item);
    expect(await screen.findByTestId('board-cohort-name', {}, LAZY)).toBeTruthy();
    expect(window.location.pathname).toBe(`/cohort-board/${COHORT}`);
  });

  it('lets the teacher edit an announcement and hide a question with a reason, asked before anything is sent', async () => {
    localStorage.setItem('mre.locale', 'fr');
    const sent: Record<string, unknown>[] = [];
    const teacher = { ...adminUser, id: TEACHER.id, role: 'expert' as const };
    renderApp({
      route: `/cohort-board/${COHORT}`,
      signedIn: true,
      fetch: board(teacher, TEACHER_RIGHTS, sent),
    });
    fireEvent.click(await screen.findByTestId('announcement-edit', {}, LAZY));
    const form = screen.getByTestId('announcement-form');
    expect((within(form).getByTestId('announcement-title-input') as HTMLInputElement).value).toBe(
      'Séance de jeudi avancée',
    );
    fireEvent.change(within(form).getByTestId('announcement-title-input'), {
      target: { value: 'Séance de jeudi reportée' },
    });
    fireEvent.click(within(form).getByTestId('announcement-submit'));
    await waitFor(() =>
      expect(sent).toEqual([
        {
          path: `/api/announcements/${announcement.id}`,
          body: { title: 'Séance de jeudi reportée', body: announcement.body, materialIds: [] },
        },
      ]),
    );

    fireEvent.click(screen.getByTestId('board-tab-questions'));
    const [card] = await screen.findAllByTestId('question', {}, LAZY);
    fireEvent.click(within(card).getByTestId('moderate-hide'));
    const confirm = within(card).getByTestId('moderate-confirm');
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(card).getByTestId('moderate-reason'), { target: { value: 'Hors sujet' } });
    fireEvent.click(within(card).getByTestId('moderate-confirm'));
    await waitFor(() =>
      expect(sent[1]).toEqual({ path: `/api/questions/${question.id}/hide`, body: { reason: 'Hors sujet' } }),
    );
  });
});
