import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IMPORT_BATCH_SIZE } from '@/modules/cohorts/jobs/enroll-csv.job';
import { WorkerModule } from '@/worker.module';
import { TestApp, TestUser } from './support/test-app';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures/enrollments', name));

/** CSV enrollment imports through the API and a real worker, on PostgreSQL and Redis. */
describe('CSV enrollment import (e2e)', () => {
  let api: TestApp;
  let worker: INestApplicationContext | undefined;
  let admin: string;
  let courseId: string;
  let centreId: string;

  const startWorker = async () => {
    process.env.MRE_PROCESS = 'worker';
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    delete process.env.MRE_PROCESS;
  };

  beforeAll(async () => {
    api = await TestApp.start();
    await startWorker();
    admin = await api.adminToken();
    const post = async (path: string, body: object) =>
      (await api.http.post(path).auth(admin, { type: 'bearer' }).send(body).expect(201)).body;
    const suffix = randomUUID().slice(0, 6);
    const network = await post('/api/networks', {
      name: `Réseau import ${suffix}`,
      country: 'Allemagne',
      sectorCodes: ['automotive'],
    });
    courseId = (
      await post('/api/courses', {
        code: `IMP-${suffix}`,
        title: { fr: 'Mécatronique' },
        sectorCode: 'automotive',
        networkId: network.id,
        format: 'hybrid',
        durationHours: 40,
        status: 'published',
      })
    ).id;
    centreId = (await post('/api/centres', { name: `Salé import ${suffix}`, city: 'Salé' })).id;
  });
  afterAll(async () => {
    await worker?.close();
    // Thousands of invitations are still queued: left there, the next test file's worker would send them first.
    await api.mailQueue.drain(true);
    await api.close();
  });

  const createCohort = async (capacity: number): Promise<string> =>
    (
      await api.http
        .post('/api/cohorts')
        .auth(admin, { type: 'bearer' })
        .send({
          courseId,
          name: `Import ${randomUUID().slice(0, 6)}`,
          kind: 'trainees',
          centreId,
          capacity,
          startsOn: '2026-04-01',
          endsOn: '2026-07-01',
          teacherIds: [],
        })
        .expect(201)
    ).body.id;

  const upload = (cohortId: string, file: Buffer, filename = 'inscriptions.csv', token = admin) =>
    api.http
      .post(`/api/cohorts/${cohortId}/enrollments/import`)
      .auth(token, { type: 'bearer' })
      .attach('file', file, { filename, contentType: 'text/csv' });

  async function waitFor(
    jobId: string,
    done: (job: { state: string; progress: number }) => boolean,
    token = admin,
  ) {
    for (let i = 0; i < 2000; i++) {
      const job = (await api.http.get(`/api/jobs/${jobId}`).auth(token, { type: 'bearer' }).expect(200)).body;
      if (done(job)) return job;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`job ${jobId} did not get there`);
  }
  const finished = (job: { state: string }) => job.state === 'completed' || job.state === 'failed';

  async function roster(cohortId: string) {
    const res = await api.http
      .get(`/api/cohorts/${cohortId}/enrollments?pageSize=100`)
      .auth(admin, { type: 'bearer' })
      .expect(200);
    return res.body.items as { email: string; fullName: string; status: string; position: number | null }[];
  }

  it('imports an Excel file in French (semicolons, BOM, CRLF, quotes, Arabic and accents), reports bad rows, and never enrolls twice', async () => {
    const cohortId = await createCohort(3);
    await api.http
      .post('/api/users')
      .auth(admin, { type: 'bearer' })
      .send({
        email: 'existing.trainee@import.test',
        fullName: 'Stagiaire Existant',
        role: 'trainee',
        password: 'a-good-password',
      })
      .expect(201);

    const started = await upload(cohortId, fixture('excel-fr-semicolon-bom-crlf.csv')).expect(202);
    const job = await waitFor(started.body.jobId, finished);
    const errors = [
      { row: 7, code: 'email-missing', params: {}, message: 'email is missing' },
      {
        row: 8,
        code: 'email-invalid',
        params: { email: 'pas-un-courriel' },
        message: '"pas-un-courriel" is not a valid e-mail address',
      },
      {
        row: 9,
        code: 'email-repeated',
        params: { email: 'amina.benali@import.test', firstRow: '2' },
        message: 'amina.benali@import.test is already on row 2',
      },
      {
        row: 10,
        code: 'locale-unknown',
        params: { locale: 'de' },
        message: 'locale "de" is not one of ar, fr, en',
      },
      {
        row: 11,
        code: 'time-zone-unknown',
        params: { timeZone: 'Mars/Olympus_Mons' },
        message: 'time_zone "Mars/Olympus_Mons" is not an IANA time zone such as Africa/Casablanca',
      },
    ];
    expect(job).toEqual({
      id: started.body.jobId,
      state: 'completed',
      progress: 100,
      result: { created: 3, enrolled: 3, waitlisted: 1, skipped: 0, errors },
    });
    // The upload (names and addresses) is not kept once the import has ended.
    const [stored] = await api.dataSource.query(
      'SELECT octet_length(file) AS bytes FROM import_jobs WHERE id = $1',
      [started.body.jobId],
    );
    expect(stored.bytes).toBe(0);

    const people = await roster(cohortId);
    expect(people.map((p) => [p.email, p.fullName, p.status, p.position])).toEqual([
      ['amina.benali@import.test', 'Benali; Amina', 'active', null],
      ['eloise.lefevre@import.test', 'Éloïse Lefèvre', 'active', null],
      ['youssef.alami@import.test', 'يوسف العلمي', 'active', null],
      ['existing.trainee@import.test', 'Stagiaire Existant', 'waitlisted', 1],
    ]);
    const youssef = (
      await api.http.get('/api/users?q=youssef.alami@import.test').auth(admin, { type: 'bearer' }).expect(200)
    ).body.items[0];
    expect(youssef).toMatchObject({ role: 'trainee', status: 'invited', locale: 'ar', centreId });
    const mails = await api.mailQueue.getJobs(['waiting', 'active', 'completed', 'delayed']);
    expect(mails.filter((m) => m.data.to === 'youssef.alami@import.test').map((m) => m.data.locale)).toEqual([
      'ar',
    ]);

    const again = await upload(cohortId, fixture('excel-fr-semicolon-bom-crlf.csv')).expect(202);
    expect((await waitFor(again.body.jobId, finished)).result).toEqual({
      created: 0,
      enrolled: 0,
      waitlisted: 0,
      skipped: 4,
      errors,
    });
    expect(await roster(cohortId)).toHaveLength(4);
  });

  it('imports a comma file without BOM, with quoted commas, any header case and short rows', async () => {
    const cohortId = await createCohort(10);
    const started = await upload(cohortId, fixture('comma-utf8-lf.csv')).expect(202);
    const job = await waitFor(started.body.jobId, finished);
    expect(job.result).toEqual({
      created: 3,
      enrolled: 3,
      waitlisted: 0,
      skipped: 0,
      errors: [
        {
          row: 6,
          code: 'email-repeated',
          params: { email: 'karim.haddad@import.test', firstRow: '2' },
          message: 'karim.haddad@import.test is already on row 2',
        },
        { row: 7, code: 'email-missing', params: {}, message: 'email is missing' },
        { row: 8, code: 'name-missing', params: {}, message: 'full_name is missing' },
      ],
    });
    expect((await roster(cohortId)).map((p) => p.fullName).sort()).toEqual(
      ['Haddad, Karim', 'Zoé Müller', 'نور الهدى'].sort(),
    );
    const karim = (
      await api.http.get('/api/users?q=karim.haddad@import.test').auth(admin, { type: 'bearer' }).expect(200)
    ).body.items[0];
    expect(karim).toMatchObject({ locale: 'en', timeZone: 'America/Toronto' });
  });

  it.each([
    [
      'not-csv.png',
      'csv-not-utf8',
      'The file is not a CSV text file in UTF-8: in Excel, save it as "CSV UTF-8"',
      undefined,
    ],
    [
      'latin1.csv',
      'csv-not-utf8',
      'The file is not a CSV text file in UTF-8: in Excel, save it as "CSV UTF-8"',
      undefined,
    ],
    ['empty.csv', 'csv-empty', 'The file is empty', undefined],
    ['header-only.csv', 'csv-no-rows', 'The file has no rows under its header line', undefined],
    [
      'no-email-column.csv',
      'csv-missing-column',
      'The file has no email column: the first line must name the columns: email, full_name, and optionally locale, time_zone',
      { column: 'email' },
    ],
  ])(
    'refuses %s with a clear 400 and the code the web translates (%s)',
    async (name, code, message, details) => {
      const cohortId = await createCohort(5);
      const res = await upload(cohortId, fixture(name), name).expect(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message,
        code,
        ...(details && { ...details, details }),
      });
    },
  );

  it('refuses a file over 5 MB, and a request without a file, with a 400', async () => {
    const cohortId = await createCohort(5);
    const big = Buffer.from(
      `email,full_name\n${'someone@import.test,Someone Quite Long Named\n'.repeat(130_000)}`,
    );
    expect(big.length).toBeGreaterThan(5 * 1024 * 1024);
    const tooBig = await upload(cohortId, big).expect(400);
    expect(tooBig.body.message).toBe('The file is larger than 5 MB');
    const none = await api.http
      .post(`/api/cohorts/${cohortId}/enrollments/import`)
      .auth(admin, { type: 'bearer' })
      .send({})
      .expect(400);
    expect(none.body.message).toBe('No file: send the file as multipart/form-data in the field "file"');
  });

  it('refuses a file of more than 5,000 rows (IMPORT_MAX_ROWS) before inviting anyone', async () => {
    const cohortId = await createCohort(5);
    const rows = Array.from({ length: 5_001 }, (_, i) => `cap-${i}@import.test,Personne ${i}`).join('\n');
    const refused = await upload(cohortId, Buffer.from(`email,full_name\n${rows}\n`)).expect(400);
    expect(refused.body.message).toBe('The file has 5001 rows; at most 5000 can be imported at once');
    expect(await api.dataSource.query('SELECT id FROM import_jobs WHERE cohort_id = $1', [cohortId])).toEqual(
      [],
    );
    expect(
      (await api.http.get('/api/users?q=cap-0@import.test').auth(admin, { type: 'bearer' }).expect(200)).body
        .total,
    ).toBe(0);
  });

  it('shows a job only to the person who started it, and keeps other centres out', async () => {
    const cohortId = await createCohort(5);
    const started = await upload(cohortId, fixture('comma-utf8-lf.csv')).expect(202);
    const otherAdmin: TestUser = await api.createUser('admin');
    await api.http
      .get(`/api/jobs/${started.body.jobId}`)
      .auth(otherAdmin.token, { type: 'bearer' })
      .expect(404);
    await waitFor(started.body.jobId, finished);

    const elsewhere = (
      await api.http
        .post('/api/centres')
        .auth(admin, { type: 'bearer' })
        .send({ name: `Ailleurs ${randomUUID().slice(0, 6)}`, city: 'Fès' })
        .expect(201)
    ).body.id;
    const stranger = await api.createUser('coordinator', { centreId: elsewhere });
    await upload(cohortId, fixture('comma-utf8-lf.csv'), 'x.csv', stranger.token).expect(404);
    const local = await api.createUser('coordinator', { centreId });
    const own = await upload(cohortId, fixture('comma-utf8-lf.csv'), 'x.csv', local.token).expect(202);
    expect((await waitFor(own.body.jobId, finished, local.token)).state).toBe('completed');
  });

  it("refuses a coordinator's rows for people outside their centre as it refuses a non-trainee, naming no role", async () => {
    const cohortId = await createCohort(10);
    const elsewhere = (
      await api.http
        .post('/api/centres')
        .auth(admin, { type: 'bearer' })
        .send({ name: `Autre centre ${randomUUID().slice(0, 6)}`, city: 'Oujda' })
        .expect(201)
    ).body.id;
    const local = await api.createUser('coordinator', { centreId });
    const ownTrainee = await api.createUser('trainee', { centreId });
    const otherTrainee = await api.createUser('trainee', { centreId: elsewhere });
    const expert = await api.createUser('expert');
    const newcomer = `new-${randomUUID().slice(0, 6)}@import.test`;
    const csv = Buffer.from(
      `email,full_name\n${ownTrainee.email},Own\n${otherTrainee.email},Other\n${expert.email},Expert\n${newcomer},Nouvelle\n`,
    );
    const refused = (row: number, email: string) => ({
      row,
      code: 'not-enrollable',
      params: { email },
      message: `${email} cannot be enrolled in this cohort`,
    });

    const own = await upload(cohortId, csv, 'x.csv', local.token).expect(202);
    const job = await waitFor(own.body.jobId, finished, local.token);
    expect(job.result).toEqual({
      created: 1,
      enrolled: 2,
      waitlisted: 0,
      skipped: 0,
      errors: [refused(3, otherTrainee.email), refused(4, expert.email)],
    });
    expect((await roster(cohortId)).map((e) => e.email).sort()).toEqual([newcomer, ownTrainee.email].sort());

    // An admin may enroll a trainee of another centre; a non-trainee is still refused, without a role.
    const byAdmin = await upload(cohortId, csv).expect(202);
    expect((await waitFor(byAdmin.body.jobId, finished)).result).toEqual({
      created: 0,
      enrolled: 1,
      waitlisted: 0,
      skipped: 2,
      errors: [refused(4, expert.email)],
    });
  });

  it('finishes an import after its worker stops midway, with nobody enrolled or invited twice', async () => {
    const rows = 3000;
    expect(rows / IMPORT_BATCH_SIZE).toBeGreaterThanOrEqual(10);
    const domain = `resume-${randomUUID().slice(0, 6)}.test`;
    const lines = Array.from({ length: rows }, (_, i) => `trainee${i}@${domain};Stagiaire ${i}`);
    const cohortId = await createCohort(1000);
    const started = await upload(
      cohortId,
      Buffer.from(`email;full_name\r\n${lines.join('\r\n')}\r\n`),
    ).expect(202);
    const jobId = started.body.jobId as string;

    await waitFor(jobId, (job) => job.progress > 0);
    await worker?.close();
    const stopped = (await api.http.get(`/api/jobs/${jobId}`).auth(admin, { type: 'bearer' }).expect(200))
      .body;
    expect(stopped.state).toBe('waiting');
    expect(stopped.progress).toBeGreaterThan(0);
    expect(stopped.progress).toBeLessThan(100);
    const [{ count: partial }] = await api.dataSource.query(
      'SELECT count(*)::int AS count FROM enrollments WHERE cohort_id = $1',
      [cohortId],
    );
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(rows);

    await startWorker();
    const job = await waitFor(jobId, finished);
    expect(job).toMatchObject({
      state: 'completed',
      progress: 100,
      result: { created: rows, enrolled: 1000, waitlisted: 2000, skipped: 0, errors: [] },
    });
    const [totals] = await api.dataSource.query(
      `SELECT count(*)::int AS enrollments, count(DISTINCT user_id)::int AS people,
              count(*) FILTER (WHERE status = 'active')::int AS active,
              count(DISTINCT position) FILTER (WHERE status = 'waitlisted')::int AS positions,
              max(position)::int AS last
         FROM enrollments WHERE cohort_id = $1`,
      [cohortId],
    );
    expect(totals).toEqual({ enrollments: rows, people: rows, active: 1000, positions: 2000, last: 2000 });
    const mails = await api.mailQueue.getJobs(['waiting', 'active', 'completed', 'delayed']);
    expect(mails.filter((m) => m.data.to.endsWith(`@${domain}`))).toHaveLength(rows);
  });
});
