import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Schemas } from '@mre/api-client';
import { adminUser, fakeFetch, json, sessionDto } from '@/test/fake-api';
import { renderApp } from '@/test/render-app';

const cohort: Schemas['CohortDto'] = {
  id: '00000000-0000-4000-8000-0000000000b1',
  courseId: '00000000-0000-4000-8000-0000000000c1',
  courseCode: 'AERO-101',
  courseTitle: { fr: 'Maintenance aéronautique' },
  centreId: '00000000-0000-4000-8000-0000000000d1',
  centreName: 'ISTA Kénitra',
  kind: 'trainees',
  name: 'Kénitra — printemps',
  capacity: 2,
  startsOn: '2026-03-02',
  endsOn: '2026-06-26',
  minAttendancePercent: 80,
  recordingRetentionDays: null,
  recordingAllowed: true,
  teacherIds: ['00000000-0000-4000-8000-0000000000f1'],
  teachers: [
    { id: '00000000-0000-4000-8000-0000000000f1', fullName: 'Karim Alami', timeZone: 'America/Toronto' },
  ],
  requiresFinalQuizPass: false,
  counts: { enrolled: 2, waitlisted: 2 },
  myEnrollment: null,
  permissions: {
    edit: true,
    manage: true,
    viewRoster: true,
    issueCertificates: true,
    revokeCertificates: true,
    scheduleSessions: true,
  },
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

function enrollment(
  n: number,
  fullName: string,
  status: Schemas['EnrollmentDto']['status'],
  position: number | null,
): Schemas['EnrollmentDto'] {
  return {
    userId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    fullName,
    email: `${fullName.split(' ')[0].toLowerCase()}@example.ma`,
    status,
    position,
    enrolledAt: '2026-01-02T00:00:00Z',
    updatedAt: '2026-01-02T00:00:00Z',
  };
}

const roster = [
  enrollment(1, 'Amal Idrissi', 'active', null),
  enrollment(2, 'Yassine Berrada', 'active', null),
  enrollment(3, 'ياسمين بناني', 'waitlisted', 1),
  enrollment(4, 'Omar Tazi El Fassi', 'waitlisted', 2),
];

const JOB_ID = '00000000-0000-4000-8000-0000000000e1';
const cohortPath = `/api/cohorts/${cohort.id}`;

function cohortApi(routes: Parameters<typeof fakeFetch>[0] = {}) {
  return fakeFetch({
    'GET /api/me': () => json(200, adminUser),
    [`GET ${cohortPath}`]: () => json(200, cohort),
    [`GET ${cohortPath}/enrollments`]: () => json(200, { items: roster, total: roster.length }),
    [`GET ${cohortPath}/certificates`]: () => json(200, { items: [], total: 0 }),
    'GET /api/sessions': () => json(200, { items: [], total: 0 }),
    ...routes,
  });
}

// The cohort pages are a lazy chunk: its first load in a test run may take more than findBy's 1 s.
const LAZY_ROUTE = { timeout: 5000 };

async function chooseCsvAndImport() {
  const input = await screen.findByTestId('import-file-input', {}, LAZY_ROUTE);
  const file = new File(
    [
      'email;full_name\nsara@example.ma;Sara\nnadia@example.ma;Nadia\n=1+1;Formule\n' +
        'salma@centre.ma;Salma\nexpert@mre.ca;Karim\n',
    ],
    'people.csv',
    { type: 'text/csv' },
  );
  fireEvent.change(input, { target: { files: [file] } });
  fireEvent.click(screen.getByTestId('import-start'));
}

describe('cohort page', () => {
  it('shows the roster with statuses and waitlist positions', async () => {
    renderApp({ route: `/cohorts/${cohort.id}`, signedIn: true, fetch: cohortApi() });

    expect((await screen.findByTestId('cohort-title', {}, LAZY_ROUTE)).textContent).toBe(
      'Kénitra — printemps',
    );
    expect(screen.getByTestId('cohort-enrolled').textContent).toBe('2 / 2');
    expect(screen.getByTestId('cohort-waitlisted').textContent).toBe('2');

    const rows = await screen.findAllByTestId('roster-row');
    const cells = rows.map((row) => [
      within(row).getByTestId('roster-name').textContent,
      within(row).getByTestId('enrollment-status').textContent,
      within(row).getByTestId('roster-position').textContent,
    ]);
    expect(cells).toEqual([
      ['Amal Idrissi', 'Inscrit', '—'],
      ['Yassine Berrada', 'Inscrit', '—'],
      ['ياسمين بناني', 'En liste d’attente', '1'],
      ['Omar Tazi El Fassi', 'En liste d’attente', '2'],
    ]);
  });

  it('offers only the actions the API permits the caller on this cohort', async () => {
    const teacherView = {
      ...cohort,
      permissions: {
        ...cohort.permissions,
        edit: false,
        manage: false,
        issueCertificates: false,
        revokeCertificates: false,
      },
    };
    renderApp({
      route: `/cohorts/${cohort.id}`,
      signedIn: true,
      fetch: cohortApi({ [`GET ${cohortPath}`]: () => json(200, teacherView) }),
    });

    await screen.findAllByTestId('roster-row', {}, LAZY_ROUTE);
    expect(screen.getByTestId('cohort-certificates')).toBeTruthy();
    for (const action of [
      'cohort-edit',
      'enroll-open',
      'import-file-input',
      'withdraw-open',
      'certificates-issue',
    ])
      expect(screen.queryByTestId(action)).toBeNull();
  });

  it('imports a CSV: progress while the job runs, then the summary, the error report and a fresh roster', async () => {
    const states: Schemas['JobDto'][] = [
      { id: JOB_ID, state: 'waiting', progress: 0 },
      { id: JOB_ID, state: 'active', progress: 40 },
      {
        id: JOB_ID,
        state: 'completed',
        progress: 100,
        result: {
          created: 3,
          enrolled: 0,
          waitlisted: 3,
          skipped: 1,
          errors: [
            // Stored before rows had codes: shown as the API worded it.
            { row: 4, message: '=HYPERLINK("x") is not an e-mail' },
            {
              row: 5,
              code: 'email-repeated',
              params: { email: 'salma@centre.ma', firstRow: '2' },
              message: 'salma@centre.ma is already on row 2',
            },
            {
              row: 6,
              code: 'not-enrollable',
              params: { email: 'expert@mre.ca' },
              message: 'expert@mre.ca cannot be enrolled in this cohort',
            },
          ],
        },
      },
    ];
    let polls = 0;
    let rosterLoads = 0;
    const uploads: Request[] = [];
    renderApp({
      route: `/cohorts/${cohort.id}`,
      signedIn: true,
      fetch: cohortApi({
        [`GET ${cohortPath}/enrollments`]: () => {
          rosterLoads++;
          return json(200, { items: roster, total: roster.length });
        },
        [`POST ${cohortPath}/enrollments/import`]: (request) => {
          uploads.push(request);
          return json(202, { jobId: JOB_ID });
        },
        [`GET /api/jobs/${JOB_ID}`]: () => json(200, states[Math.min(polls++, states.length - 1)]),
      }),
    });
    await screen.findAllByTestId('roster-row', {}, LAZY_ROUTE);
    const loadsBefore = rosterLoads;

    await chooseCsvAndImport();

    const bar = await screen.findByTestId('import-progress');
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('40'), { timeout: 3000 });
    expect(screen.getByTestId('import-state').textContent).toBe('Import en cours…');
    expect(screen.getByTestId('import-progress-label').textContent).toBe('40\u00a0%');

    const summary = await screen.findByTestId('import-summary', {}, { timeout: 3000 });
    expect(bar.getAttribute('aria-valuenow')).toBe('100');
    expect(screen.getByTestId('import-progress-label').textContent).toBe('100\u00a0%');
    expect(within(summary).getByTestId('import-created').textContent).toBe('3');
    expect(within(summary).getByTestId('import-waitlisted').textContent).toBe('3');
    expect(within(summary).getByTestId('import-skipped').textContent).toBe('1');
    expect(within(summary).getByTestId('import-errors').textContent).toBe('3');
    const problems = within(within(summary).getByTestId('import-error-list'))
      .getAllByRole('listitem')
      .map((item) => item.textContent?.replace(/[\u2068\u2069]/g, ''));
    expect(problems).toEqual([
      'Ligne 4 : =HYPERLINK("x") is not an e-mail',
      'Ligne 5 : salma@centre.ma figure déjà à la ligne 2',
      'Ligne 6 : expert@mre.ca ne peut pas être inscrit dans cette cohorte',
    ]);

    const report = within(summary).getByTestId('import-error-report');
    expect(report.getAttribute('download')).toBe('import-errors.csv');
    const href = report.getAttribute('href') ?? '';
    expect(href.startsWith('data:text/csv;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(href.slice(href.indexOf(',') + 1))).toBe(
      // In French: French headers, `;` between cells, and each refused row as it was in the file.
      '\uFEFFLigne;Problème;email;full_name\r\n' +
        '4;"\'=HYPERLINK(""x"") is not an e-mail";\'=1+1;Formule\r\n' +
        '5;salma@centre.ma figure déjà à la ligne 2;salma@centre.ma;Salma\r\n' +
        '6;expert@mre.ca ne peut pas être inscrit dans cette cohorte;expert@mre.ca;Karim\r\n',
    );

    await waitFor(() => expect(rosterLoads).toBeGreaterThan(loadsBefore));
    expect(uploads).toHaveLength(1);
    // No more polling once the job has ended.
    const pollsAtEnd = polls;
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(polls).toBe(pollsAtEnd);
  });

  it('shows the reason of a failed import', async () => {
    renderApp({
      route: `/cohorts/${cohort.id}`,
      signedIn: true,
      fetch: cohortApi({
        [`POST ${cohortPath}/enrollments/import`]: () => json(202, { jobId: JOB_ID }),
        [`GET /api/jobs/${JOB_ID}`]: () =>
          json(200, {
            id: JOB_ID,
            state: 'failed',
            progress: 30,
            failureReason: 'The database went away',
          }),
      }),
    });

    await chooseCsvAndImport();

    expect((await screen.findByTestId('import-failed')).textContent).toContain('The database went away');
    expect(screen.getByTestId('import-progress').getAttribute('aria-valuenow')).toBe('30');
  });

  it('shows why the API refused the file', async () => {
    renderApp({
      route: `/cohorts/${cohort.id}`,
      signedIn: true,
      fetch: cohortApi({
        [`POST ${cohortPath}/enrollments/import`]: () =>
          json(400, {
            statusCode: 400,
            error: 'Bad Request',
            message: 'The file is empty',
            code: 'csv-empty',
          }),
      }),
    });

    await chooseCsvAndImport();

    const error = await screen.findByTestId('import-upload-error');
    expect(error.textContent).toContain('Le fichier a été refusé.');
    expect(error.textContent).toContain('Le fichier est vide.');
    expect(error.textContent).not.toContain('The file is empty');
    expect(screen.queryByTestId('import-job')).toBeNull();
  });
  it('lists its teachers and its sessions, titled in the reader’s language, asked from its first day', async () => {
    const asked: string[] = [];
    renderApp({
      route: `/cohorts/${cohort.id}`,
      signedIn: true,
      fetch: cohortApi({
        'GET /api/sessions': (request) => {
          asked.push(new URL(request.url).search);
          return json(200, {
            items: [
              sessionDto({
                id: '00000000-0000-4000-8000-0000000005a1',
                title: 'Freinage',
                titles: { fr: 'Freinage', ar: 'الفرملة' },
                startsAt: '2026-03-10T10:00:00Z',
              }),
              sessionDto({
                id: '00000000-0000-4000-8000-0000000005a2',
                title: 'Avionique',
                titles: { ar: 'إلكترونيات الطيران' },
                startsAt: '2026-03-17T10:00:00Z',
                status: 'cancelled',
              }),
            ],
            total: 2,
          });
        },
      }),
    });
    const teachers = await screen.findByTestId('cohort-teachers', {}, LAZY_ROUTE);
    expect(
      within(teachers)
        .getAllByTestId('cohort-teacher')
        .map((li) => li.textContent),
    ).toEqual(['Karim Alami']);
    await waitFor(() =>
      expect(screen.getAllByTestId('cohort-session-title').map((title) => title.textContent)).toEqual([
        'Freinage',
        // No French title: the Arabic one, rather than nothing.
        'إلكترونيات الطيران',
      ]),
    );
    expect(asked[0]).toContain(`cohortId=${cohort.id}`);
    expect(decodeURIComponent(asked[0])).toContain('from=2026-03-02T00:00:00Z');
    // Each session leads to its attendance for the cohort's staff (a coordinator had to go by the schedule).
    expect(
      screen.getAllByTestId('cohort-session-attendance').map((link) => link.getAttribute('href')),
    ).toEqual([
      '/sessions/00000000-0000-4000-8000-0000000005a1/attendance',
      '/sessions/00000000-0000-4000-8000-0000000005a2/attendance',
    ]);
  });

  it('lets an admin require the final quiz for the certificate, and shows the rule beside the minimum attendance', async () => {
    const patches: unknown[] = [];
    let current = cohort;
    renderApp({
      route: `/cohorts/${cohort.id}`,
      signedIn: true,
      fetch: cohortApi({
        [`GET ${cohortPath}`]: () => json(200, current),
        // The form's required course and centre show their names from these lists.
        'GET /api/courses': () =>
          json(200, {
            items: [{ id: cohort.courseId, code: 'AERO-101', title: cohort.courseTitle }],
            total: 1,
          }),
        'GET /api/centres': () =>
          json(200, {
            items: [
              { id: cohort.centreId, name: 'ISTA Kénitra', names: { fr: 'ISTA Kénitra' }, city: 'Kénitra' },
            ],
            total: 1,
          }),
        [`PATCH ${cohortPath}`]: async (request) => {
          const body = (await request.json()) as { requiresFinalQuizPass: boolean };
          patches.push(body);
          current = { ...cohort, requiresFinalQuizPass: body.requiresFinalQuizPass };
          return json(200, current);
        },
      }),
    });
    await screen.findByTestId('cohort-title', {}, LAZY_ROUTE);
    expect(screen.queryByTestId('cohort-final-quiz-rule')).toBeNull();

    fireEvent.click(screen.getByTestId('cohort-edit'));
    // Mantine's label holds the description too.
    const toggle = await screen.findByLabelText(/^Le certificat exige aussi la réussite du quiz final/);
    expect(toggle.getAttribute('role')).toBe('switch');
    expect((toggle as HTMLInputElement).checked).toBe(false);
    fireEvent.click(toggle);
    fireEvent.click(screen.getByTestId('cohort-save'));

    await waitFor(() => expect(patches).toEqual([expect.objectContaining({ requiresFinalQuizPass: true })]));
    expect((await screen.findByTestId('cohort-final-quiz-rule')).textContent).toBe('quiz final réussi');
    // The app's one percent style, as Intl writes it: a no-break space before % in French.
    expect(screen.getByTestId('cohort-final-quiz-rule').parentElement?.textContent).toMatch(
      /assiduité minimale 80[\u00a0\u202f]%/,
    );
  });

  it('says the certificate needs the final quiz too, and why an issuing certified nobody when none is open', async () => {
    const states: Schemas['JobDto'][] = [
      { id: JOB_ID, state: 'active', progress: 0 },
      {
        id: JOB_ID,
        state: 'completed',
        progress: 100,
        result: { issued: 0, alreadyIssued: 0, notEligible: 8, heldSessions: 3, finalQuizMissing: true },
      },
    ];
    let polls = 0;
    renderApp({
      route: `/cohorts/${cohort.id}`,
      signedIn: true,
      fetch: cohortApi({
        [`GET ${cohortPath}`]: () => json(200, { ...cohort, requiresFinalQuizPass: true }),
        [`POST ${cohortPath}/certificates`]: () => json(202, { jobId: JOB_ID }),
        [`GET /api/jobs/${JOB_ID}`]: () => json(200, states[Math.min(polls++, states.length - 1)]),
      }),
    });
    const rule = await screen.findByTestId('certificates-rule', {}, LAZY_ROUTE);
    expect(rule.textContent).toMatch(
      /^Délivrés à chaque inscrit présent à au moins 80[\u00a0\u202f]% des séances tenues et ayant réussi un quiz final de la cohorte\.$/,
    );

    fireEvent.click(screen.getByTestId('certificates-issue'));
    const summary = await screen.findByTestId('issue-summary', {}, LAZY_ROUTE);
    expect(within(summary).getByTestId('issue-notEligible').textContent).toBe('8');
    expect(within(summary).getByRole('alert').textContent).toBe(
      'Cette cohorte exige la réussite du quiz final, mais aucun quiz final n’y est ouvert : ouvrez-en un depuis les quiz de la cohorte, ou désactivez la règle.',
    );
  });

  it('states the attendance rule alone when no final quiz is required, and warns of nothing after an issuing', async () => {
    renderApp({
      route: `/cohorts/${cohort.id}`,
      signedIn: true,
      fetch: cohortApi({
        [`POST ${cohortPath}/certificates`]: () => json(202, { jobId: JOB_ID }),
        [`GET /api/jobs/${JOB_ID}`]: () =>
          json(200, {
            id: JOB_ID,
            state: 'completed',
            progress: 100,
            result: { issued: 2, alreadyIssued: 0, notEligible: 0, heldSessions: 3, finalQuizMissing: false },
          }),
      }),
    });
    const rule = await screen.findByTestId('certificates-rule', {}, LAZY_ROUTE);
    expect(rule.textContent).toMatch(
      /^Délivrés à chaque inscrit présent à au moins 80[\u00a0\u202f]% des séances tenues\.$/,
    );
    fireEvent.click(screen.getByTestId('certificates-issue'));
    const summary = await screen.findByTestId('issue-summary', {}, LAZY_ROUTE);
    expect(within(summary).getByTestId('issue-issued').textContent).toBe('2');
    expect(within(summary).queryByRole('alert')).toBeNull();
  });

  it('lets an admin keep this cohort’s recordings another number of days, or go back to the default', async () => {
    const patches: { recordingRetentionDays?: number | null }[] = [];
    let current = cohort;
    renderApp({
      route: `/cohorts/${cohort.id}`,
      signedIn: true,
      fetch: cohortApi({
        [`GET ${cohortPath}`]: () => json(200, current),
        'GET /api/courses': () =>
          json(200, {
            items: [{ id: cohort.courseId, code: 'AERO-101', title: cohort.courseTitle }],
            total: 1,
          }),
        'GET /api/centres': () =>
          json(200, {
            items: [
              { id: cohort.centreId, name: 'ISTA Kénitra', names: { fr: 'ISTA Kénitra' }, city: 'Kénitra' },
            ],
            total: 1,
          }),
        [`PATCH ${cohortPath}`]: async (request) => {
          const body = (await request.json()) as { recordingRetentionDays: number | null };
          patches.push(body);
          current = { ...cohort, recordingRetentionDays: body.recordingRetentionDays };
          return json(200, current);
        },
      }),
    });
    await screen.findByTestId('cohort-title', {}, LAZY_ROUTE);

    fireEvent.click(screen.getByTestId('cohort-edit'));
    const days = (await screen.findByLabelText(
      /^Jours de conservation des enregistrements/,
    )) as HTMLInputElement;
    // None set: the platform's default.
    expect(days.value).toBe('');
    fireEvent.change(days, { target: { value: '30' } });
    fireEvent.click(screen.getByTestId('cohort-save'));
    await waitFor(() => expect(patches).toEqual([expect.objectContaining({ recordingRetentionDays: 30 })]));

    await waitFor(() => expect(screen.queryByTestId('cohort-save')).toBeNull());
    fireEvent.click(screen.getByTestId('cohort-edit'));
    const again = (await screen.findByLabelText(
      /^Jours de conservation des enregistrements/,
    )) as HTMLInputElement;
    expect(again.value).toBe('30');
    fireEvent.change(again, { target: { value: '' } });
    fireEvent.click(screen.getByTestId('cohort-save'));
    await waitFor(() =>
      expect(patches[1]).toEqual(expect.objectContaining({ recordingRetentionDays: null })),
    );
  });
});
