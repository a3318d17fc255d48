import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { strFromU8, unzipSync } from 'fflate';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { QueueName, RetentionResult } from '@/core/queue/queue-name';
import { ObjectStorage } from '@/core/storage/object-storage';
import { RETENTION_SCHEDULER_ID } from '@/modules/privacy/jobs/prune-retention.job';
import { classEvents, HeldClass, startHeldClass, stopHeldClass } from './support/held-class';
import { samplePdf } from './support/material-samples';
import type { TestUser } from './support/test-app';

/** Collects a binary answer as a Buffer (supertest parses only text by default). */
const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const DAY = 24 * 3600_000;

interface Archive {
  data: {
    profile: Record<string, unknown>;
    enrollments: Array<Record<string, unknown>>;
    teaching: Array<Record<string, unknown>>;
    attendance: Array<Record<string, unknown>>;
    certificates: Array<Record<string, unknown>>;
    notifications: Array<Record<string, unknown>>;
    materialCompletions: Array<Record<string, unknown>>;
    recordingViews: Array<Record<string, unknown>>;
    notificationPreferences: Array<Record<string, unknown>>;
    remindersSent: Array<Record<string, unknown>>;
    roomRemovals: Array<Record<string, unknown>>;
    staffWork: Array<Record<string, unknown>>;
    accountActivity: Array<{ action: string; data: Record<string, unknown> }>;
    quizAttempts: Array<Record<string, unknown>>;
    sessionFeedback: Array<Record<string, unknown>>;
  };
  summary: string;
  files: Record<string, Uint8Array>;
}

/**
 * People's data (issue 19) on a held class with real attendance (LiveKit webhooks processed by a
 * worker) and certificates rendered by the worker: the export's contents per role and language,
 * erasure everywhere the schema holds text (with the dashboard's figures unchanged), and the daily
 * retention job.
 */
describe('Personal data: export, erasure, retention (e2e)', () => {
  let held: HeldClass;
  let admin: string;
  let adminId: string;
  /** Erased in the end; French. */
  let zineb: TestUser & { fullName: string };
  /** Stays; Arabic. */
  let salma: TestUser & { fullName: string };
  let certificateCodes: Record<string, string>;
  const tag = randomUUID().slice(0, 8);

  const as = (token: string) => ({
    get: (path: string) => held.sut.http.get(path).auth(token, { type: 'bearer' }),
    post: (path: string, body: object = {}) =>
      held.sut.http.post(path).auth(token, { type: 'bearer' }).send(body),
  });
  const sql = <T = Record<string, unknown>>(text: string, values: unknown[] = []) =>
    held.sut.dataSource.query(text, values) as Promise<T[]>;

  async function download(path: string, token: string): Promise<Archive> {
    const res = await held.sut.http
      .get(path)
      .auth(token, { type: 'bearer' })
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="mre-academy-personal-data-.*\.zip"$/,
    );
    const files = unzipSync(new Uint8Array(res.body as Buffer));
    return {
      data: JSON.parse(strFromU8(files['data.json'])),
      summary: strFromU8(files['summary.html']),
      files,
    };
  }

  /** Runs the cohort's certificate job in the worker; answers its result. */
  async function issueCertificates(): Promise<Record<string, number>> {
    const started = await as(admin).post(`/api/cohorts/${held.world.cohortId}/certificates`).expect(202);
    for (let i = 0; i < 600; i++) {
      const job = (await as(admin).get(`/api/jobs/${started.body.jobId}`).expect(200)).body;
      if (job.state === 'failed') throw new Error(`certificate job failed: ${JSON.stringify(job)}`);
      if (job.state === 'completed') return job.result;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('certificate job did not finish');
  }

  const overview = async () => (await as(admin).get('/api/reports/overview').expect(200)).body;

  beforeAll(async () => {
    // The sweeper stays out of the way of the inbox rows the retention test plants.
    process.env.INBOX_SWEEP_MS = String(3600_000);
    held = await startHeldClass('Séance privée');
    admin = held.world.admin;
    adminId = (await as(admin).get('/api/me').expect(200)).body.id;
    const [first, second] = held.world.trainees;
    zineb = { ...first, fullName: `Zineb Qadiri-Erasmus ${tag}` };
    salma = { ...second, fullName: `سلمى المحفوظي ${tag}` };
    await held.sut.http
      .patch(`/api/users/${zineb.id}`)
      .auth(admin, { type: 'bearer' })
      .send({ fullName: zineb.fullName, locale: 'fr' })
      .expect(200);
    await held.sut.http
      .patch(`/api/users/${salma.id}`)
      .auth(admin, { type: 'bearer' })
      .send({ fullName: salma.fullName, locale: 'ar' })
      .expect(200);
    // Signed in again after the change (and so a sign-in with an address in the audit log).
    zineb.token = await held.sut.login(zineb.email, zineb.password);
    salma.token = await held.sut.login(salma.email, salma.password);

    // The class: both attend it whole; LiveKit's payloads carry the participant's name.
    const events = classEvents(() => held);
    for (const [person, sid] of [
      [zineb, `PA_${tag}_z`],
      [salma, `PA_${tag}_s`],
    ] as const) {
      for (const [kind, atMin] of [
        ['participant_joined', 0],
        ['participant_left', 100],
      ] as const) {
        const event = events.participantEvent(kind, person.id, sid, 0, atMin);
        await events.send({ ...event, participant: { ...event.participant, name: person.fullName } });
      }
    }
    await events.settle();

    // A copy of the name somewhere no one thought of: a notification to their coordinator.
    await sql(`INSERT INTO notifications (user_id, kind, params) VALUES ($1, 'session-rescheduled', $2)`, [
      held.world.coordinator.id,
      JSON.stringify({ title: 'Séance privée', mentions: `${zineb.fullName} <${zineb.email}>` }),
    ]);

    // Certificates issued by the worker (PDFs rendered by Chromium).
    await issueCertificates();
    const codes = await sql<{ user_id: string; code: string }>(
      `SELECT user_id, code FROM certificates WHERE cohort_id = $1`,
      [held.world.cohortId],
    );
    certificateCodes = Object.fromEntries(codes.map((c) => [c.user_id, c.code]));
    expect(certificateCodes[zineb.id]).toBeDefined();
  }, 180_000);

  afterAll(async () => {
    await stopHeldClass(held);
    delete process.env.INBOX_SWEEP_MS;
  });

  describe('export', () => {
    it('gives a trainee their profile, enrollment, attendance, certificate with its PDF, in French', async () => {
      const { data, summary, files } = await download('/api/me/export', zineb.token);
      expect(data.profile).toMatchObject({
        id: zineb.id,
        email: zineb.email,
        fullName: zineb.fullName,
        role: 'trainee',
        locale: 'fr',
        erasedAt: null,
      });
      expect(data.enrollments).toEqual([
        expect.objectContaining({ cohortId: held.world.cohortId, status: 'active', kind: 'trainees' }),
      ]);
      expect(data.teaching).toEqual([]);
      expect(data.attendance).toEqual([
        expect.objectContaining({
          sessionId: held.session.id,
          title: 'Séance privée',
          status: 'present',
          minutesPresent: 100,
          connections: [expect.objectContaining({ joinedAt: new Date(held.start).toISOString() })],
        }),
      ]);
      const code = certificateCodes[zineb.id];
      expect(data.certificates).toEqual([
        expect.objectContaining({
          code,
          holderName: zineb.fullName,
          status: 'valid',
          pdfFile: `certificates/certificate-${code}.pdf`,
        }),
      ]);
      expect(strFromU8(files[`certificates/certificate-${code}.pdf`].slice(0, 5))).toBe('%PDF-');
      // Their own sign-ins, with the address they came from.
      expect(data.accountActivity).toContainEqual(
        expect.objectContaining({
          action: 'sign-in.succeeded',
          data: expect.objectContaining({ ip: expect.any(String) }),
        }),
      );
      // Only their own data: nobody else's name or e-mail.
      expect(JSON.stringify(data)).not.toContain(salma.fullName);
      expect(JSON.stringify(data)).not.toContain(salma.email);

      expect(summary).toContain('<html lang="fr" dir="ltr">');
      expect(summary).toContain('Mes données personnelles à MRE Academy');
      expect(summary).toContain(zineb.fullName);
      expect(summary).toContain('Présent');
      expect(summary).toContain(code);
    });

    it('gives a trainee the files they marked done, the recordings they watched, their e-mail choices', async () => {
      const moduleId = (
        await as(admin)
          .post(`/api/courses/${held.world.courseId}/modules`, { title: { fr: 'Documents' }, position: 9 })
          .expect(201)
      ).body.id;
      const material = (
        await held.sut.http
          .post(`/api/courses/${held.world.courseId}/modules/${moduleId}/materials`)
          .auth(admin, { type: 'bearer' })
          .attach('file', samplePdf('fiche'), 'fiche-permis.pdf')
          .expect(201)
      ).body;
      await held.sut.http
        .put(`/api/materials/${material.id}/done`)
        .auth(zineb.token, { type: 'bearer' })
        .expect(204);
      await held.sut.http
        .put('/api/me/notification-preferences')
        .auth(zineb.token, { type: 'bearer' })
        .send({ items: [{ kind: 'announcement-posted', email: 'off' }] })
        .expect(200);
      // A recording of the class, which she watched twice (the views are counted as the API does).
      const [{ id: recordingId }] = await sql<{ id: string }>(
        `INSERT INTO recordings (session_id, egress_id, status, started_by, started_at, ended_at)
         VALUES ($1, $2, 'ended', $3, $4, $5) RETURNING id`,
        [
          held.session.id,
          `EG_${tag}`,
          held.world.expert.id,
          new Date(held.start),
          new Date(held.start + 100 * 60_000),
        ],
      );
      await sql(
        `INSERT INTO recording_views (recording_id, user_id, output, first_viewed_at, last_viewed_at, views)
         VALUES ($1, $2, 'video', now() - interval '1 day', now(), 2)`,
        [recordingId, zineb.id],
      );

      const { data, summary } = await download('/api/me/export', zineb.token);
      expect(data.materialCompletions).toEqual([
        expect.objectContaining({
          courseCode: expect.any(String),
          material: material.title,
          fileName: 'fiche-permis.pdf',
          doneAt: expect.any(String),
        }),
      ]);
      expect(data.recordingViews).toEqual([
        expect.objectContaining({ session: 'Séance privée', output: 'video', views: 2 }),
      ]);
      expect(data.notificationPreferences).toEqual([
        expect.objectContaining({ kind: 'announcement-posted', email: 'off' }),
      ]);
      expect(data.remindersSent).toEqual([]);
      expect(data.roomRemovals).toEqual([]);
      expect(data.staffWork).toEqual([]);
      expect(summary).toContain('Supports marqués comme faits : 1');
      expect(summary).toContain('Enregistrements de séances regardés ou écoutés : 1');
      // The others' marks and views are not hers to see.
      const salmaData = (await download('/api/me/export', salma.token)).data;
      expect(salmaData.materialCompletions).toEqual([]);
      expect(salmaData.recordingViews).toEqual([]);
    });

    it('gives a coordinator their own data and the work recorded under their name', async () => {
      const coordinator = held.world.coordinator;
      await held.sut.http
        .put(`/api/sessions/${held.session.id}/attendance/${held.world.trainees[4].id}`)
        .auth(coordinator.token, { type: 'bearer' })
        .send({ status: 'excused', reason: 'Certificat médical reçu' })
        .expect(200);
      const { data, summary } = await download('/api/me/export', coordinator.token);
      expect(data.profile).toMatchObject({ id: coordinator.id, role: 'coordinator' });
      expect(data.enrollments).toEqual([]);
      expect(data.staffWork).toEqual([
        expect.objectContaining({
          kind: 'attendance-corrected',
          subject: 'Séance privée',
          at: expect.any(String),
        }),
      ]);
      // The trainee they corrected is not named in their export.
      expect(JSON.stringify(data)).not.toContain(held.world.trainees[4].id);
      expect(summary).toContain('Travaux enregistrés à votre nom');

      // The expert's: the session they created and the recording they started.
      const expert = (await download('/api/me/export', held.world.expert.token)).data;
      expect(expert.staffWork).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'session-created', subject: 'Séance privée' }),
          expect.objectContaining({ kind: 'recording-started', subject: 'Séance privée', detail: 'ended' }),
        ]),
      );
    });

    it('reads every column of the schema that names a person, bar those said not to be exported', async () => {
      /** Columns naming a user that the export leaves out on purpose, with why. */
      const NOT_EXPORTED: Record<string, string> = {
        'refresh_tokens.user_id': 'credentials: secrets, useless to the person',
        'invitations.user_id': 'credentials',
        'password_resets.user_id': 'credentials',
        'recovery_codes.user_id': 'credentials',
        'calendar_feeds.user_id': 'a credential; the profile says since when it works',
        'attendance_presence.user_id': 'derived from the connections the attendance section holds',
        'audit_log.actor_id':
          'what they did to other people’s records holds those people’s data; the account’s own trail is exported',
      };
      const columns = await sql<{ table: string; column: string }>(
        `SELECT DISTINCT c.table_name AS "table", c.column_name AS "column"
           FROM information_schema.columns c
           LEFT JOIN information_schema.key_column_usage k
             ON k.table_schema = c.table_schema AND k.table_name = c.table_name AND k.column_name = c.column_name
           LEFT JOIN information_schema.referential_constraints r
             ON r.constraint_schema = k.constraint_schema AND r.constraint_name = k.constraint_name
           LEFT JOIN information_schema.key_column_usage u
             ON u.constraint_schema = r.unique_constraint_schema AND u.constraint_name = r.unique_constraint_name
          WHERE c.table_schema = current_schema() AND c.table_name <> 'users' AND c.data_type = 'uuid'
            AND (u.table_name = 'users' OR c.column_name ~ '^(user_id|author_id|actor_id)$|_by$')
          ORDER BY 1, 2`,
      );
      expect(columns.length).toBeGreaterThan(20);
      const statements = readFileSync(
        join(__dirname, '../src/modules/privacy/personal-data.queries.ts'),
        'utf8',
      ).split('export function');
      const read = ({ table, column }: { table: string; column: string }) =>
        statements.some(
          (statement) =>
            new RegExp(`\\b${table}\\b`).test(statement) &&
            new RegExp(`\\b${column}\\s*=\\s*\\$1\\b`).test(statement),
        );
      const missing = columns.filter((c) => !read(c) && !NOT_EXPORTED[`${c.table}.${c.column}`]);
      expect(missing).toEqual([]);
      // And the list stays true: a column read since is taken off it.
      expect(columns.filter((c) => read(c) && NOT_EXPORTED[`${c.table}.${c.column}`])).toEqual([]);
    });

    it('writes the summary in Arabic, right to left, for an Arabic-speaking trainee', async () => {
      const { data, summary } = await download('/api/me/export', salma.token);
      expect(data.profile).toMatchObject({ id: salma.id, locale: 'ar' });
      expect(summary).toContain('<html lang="ar" dir="rtl">');
      expect(summary).toContain('بياناتي الشخصية في أكاديمية مغاربة العالم');
      expect(summary).toContain('حاضر');
      expect(summary).toContain(salma.fullName);
    });

    it('includes their quiz attempts and their answers to the class surveys, a line each in the summary', async () => {
      const { courseId, cohortId } = held.world;
      const moduleId = (
        await as(admin)
          .post(`/api/courses/${courseId}/modules`, { title: { fr: 'Module quiz' }, position: 1 })
          .expect(201)
      ).body.id;
      const quiz = (
        await as(admin)
          .post(`/api/courses/${courseId}/modules/${moduleId}/quizzes`, {
            title: { fr: 'Quiz final', ar: 'الاختبار النهائي' },
            purpose: 'final',
            passPercent: 50,
            questions: [{ kind: 'true-false', prompt: { fr: 'Vrai ?' }, correct: true }],
          })
          .expect(201)
      ).body;
      await held.sut.http
        .put(`/api/cohorts/${cohortId}/quizzes/${quiz.id}`)
        .auth(admin, { type: 'bearer' })
        .send({ opensAt: new Date(Date.now() - 60_000).toISOString(), closesAt: null })
        .expect(200);
      const attempt = (
        await as(zineb.token).post(`/api/cohorts/${cohortId}/quizzes/${quiz.id}/attempts`).expect(201)
      ).body;
      await as(zineb.token)
        .post(`/api/attempts/${attempt.id}/submit`, { answers: { [quiz.questions[0].id]: true } })
        .expect(200);
      for (const [person, comment] of [
        [zineb, 'Très clair, merci'],
        [salma, 'شرح واضح'],
      ] as const)
        await sql(
          'INSERT INTO session_feedback (session_id, user_id, content, clarity, audio_video, comment) VALUES ($1, $2, 5, 4, 3, $3)',
          [held.session.id, person.id, comment],
        );

      const french = await download('/api/me/export', zineb.token);
      expect(french.data).toMatchObject({
        quizAttempts: [
          {
            quiz: { fr: 'Quiz final', ar: 'الاختبار النهائي' },
            purpose: 'final',
            number: 1,
            submittedAt: expect.any(String),
            answers: { [quiz.questions[0].id]: true },
            score: 1,
            maxScore: 1,
            passed: true,
          },
        ],
        sessionFeedback: [
          {
            session: 'Séance privée',
            content: 5,
            clarity: 4,
            audioVideo: 3,
            comment: 'Très clair, merci',
            givenAt: expect.any(String),
          },
        ],
      });
      expect(JSON.stringify(french.data.sessionFeedback)).not.toContain('شرح واضح');
      expect(french.summary).toContain('Vos tentatives aux quiz : 1 (réussies : 1)');
      expect(french.summary).toContain('Vos avis sur les séances : 1');

      const arabic = await download('/api/me/export', salma.token);
      expect(arabic.data.quizAttempts).toEqual([]);
      expect(arabic.data.sessionFeedback).toEqual([expect.objectContaining({ comment: 'شرح واضح' })]);
      expect(arabic.summary).toContain('محاولاتك في الاختبارات: 0 (الناجحة: 0)');
      expect(arabic.summary).toContain('آراؤك في الحصص: 1');
    });

    it('gives an expert the cohorts they teach, and no enrollment', async () => {
      const { data, summary } = await download('/api/me/export', held.world.expert.token);
      expect(data.profile).toMatchObject({ id: held.world.expert.id, role: 'expert', locale: 'fr' });
      expect(data.enrollments).toEqual([]);
      expect(data.teaching).toEqual([expect.objectContaining({ cohortId: held.world.cohortId })]);
      expect(data.certificates).toEqual([]);
      expect(summary).toContain('Cohortes que vous encadrez');
    });

    it('lets an admin export a person on their behalf, audited; nobody else may', async () => {
      const { data } = await download(`/api/users/${zineb.id}/export`, admin);
      expect(data.profile).toMatchObject({ id: zineb.id, email: zineb.email });
      const audit = (
        await as(admin).get(`/api/audit?entity=user&entityId=${zineb.id}&pageSize=100`).expect(200)
      ).body.items;
      expect(audit).toContainEqual(
        expect.objectContaining({ action: 'user.data-exported', actorId: adminId, entityId: zineb.id }),
      );
      await as(salma.token).get(`/api/users/${zineb.id}/export`).expect(403);
      await as(held.world.coordinator.token).get(`/api/users/${zineb.id}/export`).expect(403);
      await held.sut.http.get('/api/me/export').expect(401);
      await as(admin).get(`/api/users/${randomUUID()}/export`).expect(404);
    });
  });

  describe('erasure', () => {
    let before: unknown;
    let oldRefreshToken: string;

    /** Rows of every text, varchar and JSON column of the schema that still hold the needle. */
    async function placesHolding(needle: string): Promise<string[]> {
      const columns = await sql<{ table_name: string; column_name: string }>(
        `SELECT c.table_name, c.column_name FROM information_schema.columns c
           JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
          WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
            AND c.data_type IN ('text', 'character varying', 'json', 'jsonb')`,
      );
      const found: string[] = [];
      for (const { table_name: table, column_name: column } of columns) {
        const [{ n }] = await sql<{ n: string }>(
          `SELECT count(*) AS n FROM "${table}" WHERE strpos(lower("${column}"::text), lower($1)) > 0`,
          [needle],
        );
        if (Number(n) > 0) found.push(`${table}.${column}`);
      }
      return found;
    }

    beforeAll(async () => {
      before = await overview();
      oldRefreshToken = (
        await held.sut.http
          .post('/api/auth/login')
          .send({ email: zineb.email, password: zineb.password })
          .expect(200)
      ).body.refreshToken;
      // An e-mail still queued for them (a reminder for a class tomorrow, say).
      await held.sut.mailQueue.add(
        'send',
        { to: zineb.email, locale: 'fr', template: 'session-reminder', params: { fullName: zineb.fullName } },
        { delay: 3600_000 },
      );
      // The name and e-mail are stored in several places before the erasure (so the check below can fail).
      expect(await placesHolding(zineb.fullName)).toEqual(
        expect.arrayContaining([
          'users.full_name',
          'certificates.holder_name',
          'livekit_webhook_events.payload',
          'notifications.params',
        ]),
      );
      expect(await placesHolding(zineb.email)).toEqual(
        expect.arrayContaining(['users.email', 'notifications.params']),
      );
    });

    it('refuses anyone but an admin, and an admin on their own account', async () => {
      await as(held.world.coordinator.token)
        .post(`/api/users/${zineb.id}/erase`, { reason: 'asked' })
        .expect(403);
      await as(zineb.token).post(`/api/users/${zineb.id}/erase`, { reason: 'asked' }).expect(403);
      await as(admin).post(`/api/users/${adminId}/erase`, { reason: 'testing' }).expect(403);
      await as(admin).post(`/api/users/${zineb.id}/erase`, {}).expect(400);
      await as(admin).post(`/api/users/${randomUUID()}/erase`, { reason: 'asked by letter' }).expect(404);
    });

    it('removes the name and e-mail from every table, keeps the figures, and signs the person out for good', async () => {
      const res = await as(admin)
        .post(`/api/users/${zineb.id}/erase`, { reason: `Letter from ${zineb.fullName} of 2026-11-30` })
        .expect(202);
      expect(res.body).toEqual({ userId: zineb.id, erasedAt: expect.any(String), alreadyErased: false });

      expect(await placesHolding(zineb.fullName)).toEqual([]);
      expect(await placesHolding(zineb.email)).toEqual([]);
      // The last name alone is gone too (it was only ever stored within the full name).
      expect(await placesHolding(`Qadiri-Erasmus ${tag}`)).toEqual([]);
      // The certificate PDF (it carries the name) is deleted; the certificate still counts.
      const [{ files }] = await sql<{ files: string }>(
        `SELECT count(f.*) AS files FROM certificates c LEFT JOIN certificate_files f ON f.certificate_id = c.id WHERE c.user_id = $1`,
        [zineb.id],
      );
      expect(Number(files)).toBe(0);
      // No address their sign-ins or actions came from.
      const [{ addresses }] = await sql<{ addresses: string }>(
        `SELECT count(*) AS addresses FROM audit_log WHERE data ? 'ip' AND (actor_id = $1 OR entity_id = $1)`,
        [zineb.id],
      );
      expect(Number(addresses)).toBe(0);

      // Nothing queued for them stays in Redis.
      const mails = await held.sut.mailQueue.getJobs(['waiting', 'delayed', 'completed', 'failed']);
      expect(mails.filter((job) => job.data.to === zineb.email)).toEqual([]);

      // The other trainee is untouched.
      expect(await placesHolding(salma.fullName)).toEqual(expect.arrayContaining(['users.full_name']));

      expect(await overview()).toEqual(before);

      await held.sut.http
        .post('/api/auth/login')
        .send({ email: zineb.email, password: zineb.password })
        .expect(401);
      await held.sut.http.post('/api/auth/refresh').send({ refreshToken: oldRefreshToken }).expect(401);
      await as(zineb.token).get('/api/me').expect(401);
    });

    it('audits the erasure without the erased data', async () => {
      const audit = (
        await as(admin).get(`/api/audit?entity=user&entityId=${zineb.id}&pageSize=100`).expect(200)
      ).body.items as Array<{ action: string; actorId: string; reason: string | null }>;
      const erased = audit.filter((entry) => entry.action === 'user.erased');
      expect(erased).toEqual([
        expect.objectContaining({ actorId: adminId, reason: expect.stringContaining('Letter from') }),
      ]);
      expect(JSON.stringify(audit)).not.toContain('Zineb');
    });

    it('voids the public certificate page: withdrawn at the holder’s request, naming nobody', async () => {
      const page = (
        await held.sut.http.get(`/api/public/certificates/${certificateCodes[zineb.id]}`).expect(200)
      ).body;
      expect(page).toMatchObject({ status: 'withdrawn', holderName: '' });
      const other = (
        await held.sut.http.get(`/api/public/certificates/${certificateCodes[salma.id]}`).expect(200)
      ).body;
      expect(other).toMatchObject({ status: 'valid', holderName: salma.fullName });
    });

    it('shows the account as erased, and refuses to change it back', async () => {
      const person = (await as(admin).get(`/api/users/${zineb.id}`).expect(200)).body;
      expect(person).toMatchObject({ status: 'disabled', erasedAt: expect.any(String) });
      expect(person.fullName).not.toContain('Zineb');
      const res = await held.sut.http
        .patch(`/api/users/${zineb.id}`)
        .auth(admin, { type: 'bearer' })
        .send({ status: 'active' })
        .expect(409);
      expect(res.body.code).toBe('user-erased');
    });

    it('is harmless the second time', async () => {
      const first = (await as(admin).get(`/api/users/${zineb.id}`).expect(200)).body;
      const res = await as(admin).post(`/api/users/${zineb.id}/erase`, { reason: 'Asked again' }).expect(202);
      expect(res.body).toEqual({ userId: zineb.id, erasedAt: first.erasedAt, alreadyErased: true });
      expect((await as(admin).get(`/api/users/${zineb.id}`).expect(200)).body).toEqual(first);
      const [{ n }] = await sql<{ n: string }>(
        `SELECT count(*) AS n FROM audit_log WHERE action = 'user.erased' AND entity_id = $1`,
        [zineb.id],
      );
      expect(Number(n)).toBe(1);
      expect(await overview()).toEqual(before);
    });
  });

  /**
   * The People page's "Journal": what a person did, what was done to their account, and the entries
   * that concern them (their enrolment, attendance corrections, certificates), erased or not.
   */
  describe('a person’s trail in the audit log', () => {
    type Entry = {
      action: string;
      actorId: string | null;
      entity: string;
      entityId: string;
      data: { userId?: string };
    };
    const trail = async (personId: string) =>
      (await as(admin).get(`/api/audit?personId=${personId}&pageSize=100`).expect(200)).body as {
        items: Entry[];
        total: number;
      };
    const concerns = (entry: Entry, id: string) =>
      entry.actorId === id || (entry.entity === 'user' && entry.entityId === id) || entry.data.userId === id;

    it('lists her enrolment, attendance correction, certificate issued then revoked, and her own sign-in', async () => {
      await held.sut.http
        .put(`/api/sessions/${held.session.id}/attendance/${salma.id}`)
        .auth(held.world.coordinator.token, { type: 'bearer' })
        .send({ status: 'excused', reason: 'Left for a family matter' })
        .expect(200);
      const [certificate] = await sql<{ id: string }>(`SELECT id FROM certificates WHERE user_id = $1`, [
        salma.id,
      ]);
      await as(admin)
        .post(`/api/certificates/${certificate.id}/revoke`, { reason: 'Issued in error' })
        .expect(200);

      const { items, total } = await trail(salma.id);
      expect(items.map((e) => e.action)).toEqual(
        expect.arrayContaining([
          'enrollment.added',
          'attendance.correct',
          'certificate.issued',
          'certificate.revoked',
          'sign-in.succeeded',
        ]),
      );
      expect(items.find((e) => e.action === 'sign-in.succeeded')?.actorId).toBe(salma.id);
      expect(items.find((e) => e.action === 'certificate.revoked')).toMatchObject({ actorId: adminId });
      // Nobody else's: not the other trainee's enrolment, certificate or sign-ins.
      expect(items.filter((e) => !concerns(e, salma.id))).toEqual([]);
      expect(items.some((e) => concerns(e, zineb.id))).toBe(false);
      // The same trail whichever way the id is spelt.
      expect((await trail(salma.id.toUpperCase())).total).toBe(total);
    });

    it('still lists the entries about an erased person, by her id', async () => {
      const { items } = await trail(zineb.id);
      expect(items.map((e) => e.action)).toEqual(
        expect.arrayContaining([
          'enrollment.added',
          'certificate.issued',
          'sign-in.succeeded',
          'user.erased',
        ]),
      );
      expect(items.filter((e) => !concerns(e, zineb.id))).toEqual([]);
      expect(items.some((e) => concerns(e, salma.id))).toBe(false);
    });
  });

  describe('erasure of a name in other people’s words', () => {
    /** Erased: her name is within another trainee's. */
    let amina: TestUser;
    /** Stays: "Amina Alioui" holds "Amina Ali" as a substring, not as words. */
    let alioui: TestUser;
    /** Erased: a name too short to search for in others' text. */
    let al: TestUser;
    let aminaQuestion: { id: string };
    let aliouiQuestion: { id: string };
    let attachmentKey: string;
    let chatId: string;
    let auditId: string;
    let coursesBefore: unknown;
    let noticeId: string;
    const storage = () => held.sut.app.get(ObjectStorage);
    const rename = (id: string, fullName: string) =>
      held.sut.http.patch(`/api/users/${id}`).auth(admin, { type: 'bearer' }).send({ fullName }).expect(200);
    const board = async () =>
      (await as(held.world.expert.token).get(`/api/cohorts/${held.world.cohortId}/questions`).expect(200))
        .body.items as Array<{
        id: string;
        body: string;
        hidden: boolean;
        author: { id: string; fullName: string } | null;
        attachment: object | null;
        answers: Array<{ body: string; hidden: boolean; author: { id: string; fullName: string } | null }>;
      }>;

    beforeAll(async () => {
      [, , amina, alioui, al] = held.world.trainees;
      await rename(amina.id, 'Amina Ali');
      await rename(alioui.id, 'Amina Alioui');
      await rename(al.id, 'Al');

      // Amina attends the class whole: without the guard she would be given a certificate.
      const events = classEvents(() => held);
      for (const [kind, atMin] of [
        ['participant_joined', 0],
        ['participant_left', 100],
      ] as const)
        await events.send(events.participantEvent(kind, amina.id, `PA_${tag}_a`, 0, atMin));
      await events.settle();

      // Her question with a photo, and her answer to the other Amina's question, which names her.
      aminaQuestion = (
        await as(amina.token)
          .post(`/api/cohorts/${held.world.cohortId}/questions`, {
            body: 'Où trouver le formulaire du permis ?',
          })
          .expect(201)
      ).body;
      await held.sut.http
        .put(`/api/questions/${aminaQuestion.id}/attachment`)
        .auth(amina.token, { type: 'bearer' })
        .attach('file', samplePdf('permis'), { filename: 'permis.pdf', contentType: 'application/pdf' })
        .expect(200);
      [{ attachment_key: attachmentKey }] = await sql<{ attachment_key: string }>(
        `SELECT attachment_key FROM cohort_questions WHERE id = $1`,
        [aminaQuestion.id],
      );
      expect(await storage().head(attachmentKey)).not.toBeNull();
      aliouiQuestion = (
        await as(alioui.token)
          .post(`/api/cohorts/${held.world.cohortId}/questions`, {
            body: 'Amina Ali, as-tu le lien ? Signé : Amina Alioui',
          })
          .expect(201)
      ).body;
      await as(amina.token)
        .post(`/api/questions/${aliouiQuestion.id}/answers`, { body: 'Oui, je te l’envoie ce soir.' })
        .expect(201);
      await as(held.world.expert.token)
        .post(`/api/questions/${aliouiQuestion.id}/answers`, {
          body: 'Merci Amina Alioui, et merci amina ali.',
        })
        .expect(201);

      // The teacher's chat message after class, an audit entry and a notice naming both.
      [{ id: chatId }] = await sql<{ id: string }>(
        `INSERT INTO chat_messages (session_id, author_id, text) VALUES ($1, $2, $3) RETURNING id`,
        [held.session.id, held.world.expert.id, 'Bravo Amina Ali ! Et toi, Amina Alioui ? (Al, à demain)'],
      );
      auditId = randomUUID();
      await sql(
        `INSERT INTO audit_log (id, actor_id, action, entity_type, entity_id, data) VALUES ($1, $2, 'note.test', 'user', $3, $4)`,
        [
          auditId,
          adminId,
          alioui.id,
          JSON.stringify({
            'Amina Ali': 'appel de Amina Ali',
            names: ['Amina Alioui', 'AMINA ALI'],
            Al: 'Al',
          }),
        ],
      );
      [{ id: noticeId }] = await sql<{ id: string }>(
        `INSERT INTO notifications (user_id, kind, params) VALUES ($1, 'session-rescheduled', $2) RETURNING id`,
        [held.world.coordinator.id, JSON.stringify({ title: 'Al Andalus', fr: 'fr', Al: ['Al', 'Alger'] })],
      );
      // Course titles with the short name as a word.
      await sql(
        `UPDATE courses SET title = title || '{"en": "Al Andalus: a history"}' WHERE id = (
                   SELECT course_id FROM cohorts WHERE id = $1)`,
        [held.world.cohortId],
      );
      coursesBefore = await sql(`SELECT id, title, summary FROM courses ORDER BY id`);

      await as(admin).post(`/api/users/${amina.id}/erase`, { reason: 'Lettre de Amina Ali' }).expect(202);
      await as(admin).post(`/api/users/${al.id}/erase`, { reason: 'Lettre de Al' }).expect(202);
    }, 60_000);

    it('replaces the erased name where others wrote it, and leaves a longer name that contains it', async () => {
      const [{ full_name: name }] = await sql<{ full_name: string }>(
        `SELECT full_name FROM users WHERE id = $1`,
        [alioui.id],
      );
      expect(name).toBe('Amina Alioui');
      const pseudonym = `erased-${amina.id.slice(0, 8)}`;
      const [{ text }] = await sql<{ text: string }>(`SELECT text FROM chat_messages WHERE id = $1`, [
        chatId,
      ]);
      expect(text).toBe(`Bravo ${pseudonym} ! Et toi, Amina Alioui ? (Al, à demain)`);
      const [{ data }] = await sql<{ data: object }>(`SELECT data FROM audit_log WHERE id = $1`, [auditId]);
      // JSON keys are never rewritten (a key is not a person's words, and rewriting it can break the document).
      expect(data).toEqual({
        'Amina Ali': `appel de ${pseudonym}`,
        names: ['Amina Alioui', pseudonym],
        Al: 'Al',
      });
      const question = (await board()).find((q) => q.id === aliouiQuestion.id);
      expect(question?.body).toBe(`${pseudonym}, as-tu le lien ? Signé : Amina Alioui`);
      expect(question?.answers.map((a) => a.body)).toContain(`Merci Amina Alioui, et merci ${pseudonym}.`);
    });

    it('blanks and hides her own questions and answers, under her pseudonym, and deletes her file', async () => {
      const questions = await board();
      const hers = questions.find((q) => q.id === aminaQuestion.id);
      expect(hers).toMatchObject({ body: '', hidden: true, attachment: null });
      expect(hers?.author?.fullName).toBe(`erased-${amina.id.slice(0, 8)}`);
      const answer = questions
        .find((q) => q.id === aliouiQuestion.id)
        ?.answers.find((a) => a.author?.id === amina.id);
      expect(answer).toMatchObject({ body: '', hidden: true });
      expect(JSON.stringify(questions)).not.toMatch(/Amina Ali(?!oui)|formulaire du permis|ce soir/i);
      // Trainees no longer see them at all.
      const seen = (await as(alioui.token).get(`/api/cohorts/${held.world.cohortId}/questions`).expect(200))
        .body.items as Array<{ id: string; answers: unknown[] }>;
      expect(seen.map((q) => q.id)).not.toContain(aminaQuestion.id);
      expect(seen.find((q) => q.id === aliouiQuestion.id)?.answers).toHaveLength(1);

      expect(await storage().head(attachmentKey)).toBeNull();
      await as(admin).get(`/api/questions/${aminaQuestion.id}/attachment`).expect(404);
    });

    it('does not search a short name: course titles and JSON stay as they were', async () => {
      expect(await sql(`SELECT id, title, summary FROM courses ORDER BY id`)).toEqual(coursesBefore);
      const [{ params }] = await sql<{ params: object }>(`SELECT params FROM notifications WHERE id = $1`, [
        noticeId,
      ]);
      expect(params).toEqual({ title: 'Al Andalus', fr: 'fr', Al: ['Al', 'Alger'] });
      // Their account is erased all the same.
      const person = (await as(admin).get(`/api/users/${al.id}`).expect(200)).body;
      expect(person).toMatchObject({ fullName: `erased-${al.id.slice(0, 8)}`, erasedAt: expect.any(String) });
    });

    it('gives an erased person no new certificate', async () => {
      const result = await issueCertificates();
      expect(result).toMatchObject({ issued: 0 });
      const [{ n }] = await sql<{ n: string }>(`SELECT count(*) AS n FROM certificates WHERE user_id = $1`, [
        amina.id,
      ]);
      expect(Number(n)).toBe(0);
    });
  });

  describe('retention', () => {
    const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

    it('schedules itself daily in the worker', async () => {
      const queue = held.worker.get<Queue>(getQueueToken(QueueName.Retention));
      let scheduler = await queue.getJobScheduler(RETENTION_SCHEDULER_ID);
      for (let i = 0; i < 50 && !scheduler; i++) {
        await new Promise((r) => setTimeout(r, 100));
        scheduler = await queue.getJobScheduler(RETENTION_SCHEDULER_ID);
      }
      expect(scheduler).toMatchObject({ pattern: '15 3 * * *', tz: 'Africa/Casablanca' });
    });

    it('prunes old sign-in entries after a year, other entries after ten, processed webhooks after 30 days', async () => {
      const audit = async (action: string, age: number) => {
        const id = randomUUID();
        await sql(
          `INSERT INTO audit_log (id, actor_id, action, entity_type, entity_id, data, created_at) VALUES ($1, NULL, $2, 'user', $3, '{}', $4)`,
          [id, action, salma.id, daysAgo(age)],
        );
        return id;
      };
      const webhook = async (age: number, processed: boolean) => {
        const id = `EV_${randomUUID()}`;
        await sql(
          `INSERT INTO livekit_webhook_events (id, event, room_name, occurred_at, payload, received_at, processed_at)
           VALUES ($1, 'room_started', 'old-room', $2, '{}', $2, $3)`,
          [id, daysAgo(age), processed ? daysAgo(age) : null],
        );
        return id;
      };
      const oldSignIn = await audit('sign-in.succeeded', 400);
      const recentSignIn = await audit('sign-in.failed', 300);
      const oldEnrollment = await audit('enrollment.created', 400);
      const ancient = await audit('enrollment.created', 3_700);
      const oldProcessed = await webhook(40, true);
      const oldUnprocessed = await webhook(40, false);
      const recentProcessed = await webhook(5, true);
      const figures = await overview();

      const queue = held.sut.app.get<Queue<Record<string, never>, RetentionResult>>(
        getQueueToken(QueueName.Retention),
      );
      const job = await queue.add('prune', {});
      let state = await job.getState();
      for (let i = 0; i < 200 && state !== 'completed' && state !== 'failed'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        state = await job.getState();
      }
      expect(state).toBe('completed');
      const result = (await queue.getJob(job.id as string))?.returnvalue;
      expect(result?.auditEntries).toBeGreaterThanOrEqual(2);
      expect(result?.webhookEvents).toBeGreaterThanOrEqual(1);

      const left = async (table: string, ids: string[]) =>
        (await sql<{ id: string }>(`SELECT id FROM ${table} WHERE id = ANY($1)`, [ids]))
          .map((r) => r.id)
          .sort();
      expect(await left('audit_log', [oldSignIn, recentSignIn, oldEnrollment, ancient])).toEqual(
        [recentSignIn, oldEnrollment].sort(),
      );
      expect(await left('livekit_webhook_events', [oldProcessed, oldUnprocessed, recentProcessed])).toEqual(
        [oldUnprocessed, recentProcessed].sort(),
      );
      // The class's own events (processed minutes ago) and the dashboard stay.
      const [{ n }] = await sql<{ n: string }>(
        `SELECT count(*) AS n FROM livekit_webhook_events WHERE room_name = $1`,
        [held.session.roomName],
      );
      // Two per trainee who attended: Zineb, Salma and Amina.
      expect(Number(n)).toBe(6);
      expect(await overview()).toEqual(figures);
    });
  });
});
