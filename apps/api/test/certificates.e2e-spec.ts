import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { WorkerModule } from '@/worker.module';
import { TestApp, TestUser } from './support/test-app';

const HOUR = 3600_000;

function hasTool(name: string): boolean {
  try {
    execFileSync('which', [name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Reads a binary body (supertest buffers text only). */
const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/**
 * Certificates end to end: the attendance rule at its threshold over held sessions, issuing by a
 * real worker (twice, issuing once), the PDF rendered by Chromium, public verification and
 * revocation, the audit trail, and the train-the-trainer cascade into hosting a class.
 */
describe('Certificates (e2e)', () => {
  let api: TestApp;
  let worker: INestApplicationContext;
  let admin: string;
  let adminId: string;
  let expert: TestUser;
  let courseId: string;
  let centreId: string;
  let cohortId: string;
  let arabic: TestUser;
  let latin: TestUser;
  let belowRule: TestUser;
  let excused: TestUser;
  const sessionIds: string[] = [];

  const post = async (path: string, body: object) =>
    (await api.http.post(path).auth(admin, { type: 'bearer' }).send(body).expect(201)).body;

  beforeAll(async () => {
    api = await TestApp.start();
    process.env.MRE_PROCESS = 'worker';
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    delete process.env.MRE_PROCESS;
    admin = await api.adminToken();
    adminId = (await api.http.get('/api/me').auth(admin, { type: 'bearer' }).expect(200)).body.id;

    const tag = randomUUID().slice(0, 8);
    const network = await post('/api/networks', {
      name: `Aéronautique Canada ${tag}`,
      country: 'Canada',
      sectorCodes: ['aeronautics'],
    });
    centreId = (await post('/api/centres', { name: `Kénitra certificats ${tag}`, city: 'Kénitra' })).id;
    courseId = (
      await post('/api/courses', {
        code: `CERT-${tag}`,
        title: { fr: 'Maintenance aéronautique', ar: 'صيانة الطائرات' },
        sectorCode: 'aeronautics',
        networkId: network.id,
        format: 'remote',
        durationHours: 30,
        status: 'published',
      })
    ).id;
    expert = await api.createUser('expert', { networkId: network.id });
    arabic = await api.createUser('trainee', { fullName: 'سلمى بنعلي', locale: 'ar', centreId });
    latin = await api.createUser('trainee', { fullName: 'Élodie Martin-Dupont', locale: 'fr', centreId });
    belowRule = await api.createUser('trainee', { fullName: 'Karim Trois-Sur-Cinq', centreId });
    excused = await api.createUser('trainee', { fullName: 'Nadia Excusée', centreId });
    cohortId = (
      await post('/api/cohorts', {
        courseId,
        name: `Formateurs Kénitra ${tag}`,
        kind: 'trainers',
        centreId,
        capacity: 10,
        startsOn: '2021-01-01',
        endsOn: '2021-06-30',
        teacherIds: [expert.id],
        minAttendancePercent: 80,
      })
    ).id;
    for (const person of [arabic, latin, belowRule, excused])
      await post(`/api/cohorts/${cohortId}/enrollments`, { userId: person.id });

    // Five held sessions of an hour, one cancelled and one still to come (neither counts).
    const insertSession = async (startsAt: Date, status: 'scheduled' | 'cancelled') => {
      const id = randomUUID();
      await api.dataSource.query(
        `INSERT INTO live_sessions (id, cohort_id, title, starts_at, ends_at, local_start, time_zone, mode, status, room_name, created_by)
         VALUES ($1, $2, 'Séance', $3, $4, $8, 'UTC', 'remote', $5, $6, $7)`,
        [
          id,
          cohortId,
          startsAt,
          new Date(startsAt.getTime() + HOUR),
          status,
          `mre-${id}`,
          adminId,
          startsAt.toISOString().slice(0, 23),
        ],
      );
      return id;
    };
    for (let week = 0; week < 5; week++)
      sessionIds.push(await insertSession(new Date(Date.UTC(2021, 2, 1 + week * 7, 9)), 'scheduled'));
    const cancelled = await insertSession(new Date(Date.UTC(2021, 3, 12, 9)), 'cancelled');
    const upcoming = await insertSession(new Date(Date.now() + 30 * 24 * HOUR), 'scheduled');

    const attend = async (sessionId: string, person: TestUser, fromMinutes = 0, toMinutes = 60) => {
      const [session] = await api.dataSource.query(`SELECT starts_at FROM live_sessions WHERE id = $1`, [
        sessionId,
      ]);
      const start = new Date(session.starts_at).getTime();
      await api.dataSource.query(
        `INSERT INTO attendance_segments (session_id, participant_sid, user_id, joined_at, left_at) VALUES ($1, $2, $3, $4, $5)`,
        [
          sessionId,
          `PA_${randomUUID()}`,
          person.id,
          new Date(start + fromMinutes * 60_000),
          new Date(start + toMinutes * 60_000),
        ],
      );
    };
    // Exactly 80 %: present at 4 of 5.
    for (const id of sessionIds.slice(0, 4)) await attend(id, arabic);
    // 3 present and 1 late (joined after 15 minutes, stayed 35 of 60): late counts as attended.
    for (const id of sessionIds.slice(0, 3)) await attend(id, latin);
    await attend(sessionIds[3], latin, 15, 50);
    // 60 %, even with the cancelled and the future session attended.
    for (const id of [...sessionIds.slice(0, 3), cancelled, upcoming]) await attend(id, belowRule);
    // 3 present, then excused by a correction: excused counts as attended.
    for (const id of sessionIds.slice(0, 3)) await attend(id, excused);
    await api.http
      .put(`/api/sessions/${sessionIds[3]}/attendance/${excused.id}`)
      .auth(admin, { type: 'bearer' })
      .send({ status: 'excused', reason: 'Certificat médical reçu' })
      .expect(200);
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  async function issue(): Promise<{ state: string; result: Record<string, number> }> {
    const started = await api.http
      .post(`/api/cohorts/${cohortId}/certificates`)
      .auth(admin, { type: 'bearer' })
      .expect(202);
    for (let i = 0; i < 600; i++) {
      const job = (
        await api.http.get(`/api/jobs/${started.body.jobId}`).auth(admin, { type: 'bearer' }).expect(200)
      ).body;
      if (job.state === 'completed' || job.state === 'failed') {
        await api.http
          .get(`/api/jobs/${started.body.jobId}`)
          .auth(expert.token, { type: 'bearer' })
          .expect(404);
        return job;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the certificate job did not finish');
  }

  const mine = async (person: TestUser) =>
    (await api.http.get('/api/me/certificates').auth(person.token, { type: 'bearer' }).expect(200)).body;
  const pdf = (id: string, token: string) =>
    api.http.get(`/api/certificates/${id}/pdf`).auth(token, { type: 'bearer' }).buffer(true).parse(binary);

  it('only admins may issue', async () => {
    await api.http
      .post(`/api/cohorts/${cohortId}/certificates`)
      .auth(arabic.token, { type: 'bearer' })
      .expect(403);
    await api.http
      .post(`/api/cohorts/${randomUUID()}/certificates`)
      .auth(admin, { type: 'bearer' })
      .expect(404);
  });

  it('issues to those at or above the rule (present, late, excused count; absent does not), and a second run issues none', async () => {
    const first = await issue();
    expect(first).toMatchObject({
      state: 'completed',
      result: { issued: 3, alreadyIssued: 0, notEligible: 1, heldSessions: 5, finalQuizMissing: false },
    });
    const second = await issue();
    expect(second.result).toEqual({
      issued: 0,
      alreadyIssued: 3,
      notEligible: 1,
      heldSessions: 5,
      finalQuizMissing: false,
    });

    expect((await mine(belowRule)).items).toEqual([]);
    for (const person of [arabic, latin, excused]) expect((await mine(person)).total).toBe(1);
    const [certificate] = (await mine(arabic)).items;
    expect(certificate).toMatchObject({
      holderId: arabic.id,
      holderName: 'سلمى بنعلي',
      courseTitle: { fr: 'Maintenance aéronautique', ar: 'صيانة الطائرات' },
      cohortId,
      cohortKind: 'trainers',
      centreName: expect.stringContaining('Kénitra'),
      networkName: expect.stringContaining('Aéronautique Canada'),
      hours: 30,
      status: 'valid',
      revokedAt: null,
      verifyUrl: `http://academy.test/verify/${certificate.code}`,
    });
    expect(certificate.code).toMatch(/^[A-Z2-7]{32}$/);

    const staffList = (
      await api.http
        .get(`/api/cohorts/${cohortId}/certificates`)
        .auth(expert.token, { type: 'bearer' })
        .expect(200)
    ).body;
    expect(staffList.total).toBe(3);
    await api.http
      .get(`/api/cohorts/${cohortId}/certificates`)
      .auth(belowRule.token, { type: 'bearer' })
      .expect(403);

    const bell = (
      await api.http.get('/api/me/notifications').auth(arabic.token, { type: 'bearer' }).expect(200)
    ).body;
    // Newest first: the certificate, then the enrollment it crowns.
    expect(bell.items).toEqual([
      expect.objectContaining({
        kind: 'certificate-issued',
        params: expect.objectContaining({ certificateId: certificate.id, code: certificate.code }),
      }),
      expect.objectContaining({ kind: 'enrolled', params: expect.objectContaining({ cohortId }) }),
    ]);
  });

  it('renders a PDF that carries the code, for Arabic and Latin names, to its holder and the cohort staff only', async () => {
    const pngDir = process.env.CERTIFICATE_PNG_DIR;
    for (const person of [arabic, latin]) {
      const [certificate] = (await mine(person)).items;
      const res = await pdf(certificate.id, person.token).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const bytes = res.body as Buffer;
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // The page title is the PDF's /Title, whatever text extraction is installed.
      expect(bytes.toString('latin1')).toContain(`MRE Academy certificate ${certificate.code}`);
      const dir = mkdtempSync(join(tmpdir(), 'mre-certificate-'));
      const file = join(dir, `${person === arabic ? 'arabic' : 'latin'}.pdf`);
      writeFileSync(file, bytes);
      // CI installs poppler-utils (.ci/run), so there the text check always runs.
      if (hasTool('pdftotext') || process.env.CI) {
        const text = execFileSync('pdftotext', [file, '-']).toString('utf8');
        expect(text).toContain(certificate.code);
        expect(text).toContain(person === arabic ? 'صيانة الطائرات' : 'Élodie Martin-Dupont');
      }
      if (pngDir && hasTool('pdftoppm'))
        execFileSync('pdftoppm', [
          '-png',
          '-r',
          '80',
          '-singlefile',
          file,
          join(pngDir, person === arabic ? 'certificate-arabic' : 'certificate-latin'),
        ]);
    }
    const [certificate] = (await mine(latin)).items;
    await pdf(certificate.id, expert.token).expect(200);
    await pdf(certificate.id, admin).expect(200);
    await pdf(certificate.id, arabic.token).expect(404);
    await pdf(randomUUID(), admin).expect(404);
  });

  it('verifies a code without an account, shows a revocation at once, and 404s an unknown code', async () => {
    const [certificate] = (await mine(arabic)).items;
    const verify = (code: string) => api.http.get(`/api/public/certificates/${code}`);
    // Exactly the contract's fields: whoever holds a code learns nothing of the holder's centre or hours.
    expect((await verify(certificate.code).expect(200)).body).toEqual({
      holderName: 'سلمى بنعلي',
      courseTitle: { fr: 'Maintenance aéronautique', ar: 'صيانة الطائرات' },
      cohortName: certificate.cohortName,
      issuedAt: certificate.issuedAt,
      status: 'valid',
    });
    await verify(certificate.code.toLowerCase()).expect(200);
    await verify('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567').expect(404);
    await verify('not-a-code').expect(404);

    await api.http
      .post(`/api/certificates/${certificate.id}/revoke`)
      .auth(arabic.token, { type: 'bearer' })
      .send({ reason: 'Moi-même' })
      .expect(403);
    await api.http
      .post(`/api/certificates/${certificate.id}/revoke`)
      .auth(admin, { type: 'bearer' })
      .send({})
      .expect(400);
    const revoked = await api.http
      .post(`/api/certificates/${certificate.id}/revoke`)
      .auth(admin, { type: 'bearer' })
      .send({ reason: 'Présences falsifiées' })
      .expect(200);
    expect(revoked.body).toMatchObject({
      status: 'revoked',
      revocationReason: 'Présences falsifiées',
      revokedAt: expect.any(String),
    });
    expect((await verify(certificate.code).expect(200)).body).toEqual({
      holderName: 'سلمى بنعلي',
      courseTitle: { fr: 'Maintenance aéronautique', ar: 'صيانة الطائرات' },
      cohortName: certificate.cohortName,
      issuedAt: certificate.issuedAt,
      status: 'revoked',
    });
    await api.http
      .post(`/api/certificates/${certificate.id}/revoke`)
      .auth(admin, { type: 'bearer' })
      .send({ reason: 'Encore' })
      .expect(409);

    const audit = (
      await api.http
        .get(`/api/audit?entity=certificate&entityId=${certificate.id}`)
        .auth(admin, { type: 'bearer' })
        .expect(200)
    ).body;
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual([
      'certificate.revoked',
      'certificate.issued',
    ]);
    expect(audit.items[0]).toMatchObject({ actorId: adminId, reason: 'Présences falsifiées' });
    expect(audit.items[1]).toMatchObject({
      actorId: adminId,
      data: expect.objectContaining({ userId: arabic.id, attended: 4, heldSessions: 5 }),
    });
  });

  it('audits enrollments and attendance corrections', async () => {
    const cohortAudit = (
      await api.http
        .get(`/api/audit?entity=cohort&entityId=${cohortId}&pageSize=100`)
        .auth(admin, { type: 'bearer' })
        .expect(200)
    ).body;
    expect(cohortAudit.items.filter((e: { action: string }) => e.action === 'enrollment.added')).toHaveLength(
      4,
    );
    expect(
      cohortAudit.items.filter((e: { action: string }) => e.action === 'certificates.requested'),
    ).toHaveLength(2);
    const sessionAudit = (
      await api.http
        .get(`/api/audit?entity=session&entityId=${sessionIds[3]}`)
        .auth(admin, { type: 'bearer' })
        .expect(200)
    ).body;
    expect(sessionAudit.items).toEqual([
      expect.objectContaining({
        action: 'attendance.correct',
        actorId: adminId,
        reason: 'Certificat médical reçu',
        data: { userId: excused.id, status: 'excused' },
      }),
    ]);
  });

  it('lets a certified trainer teach a later cohort and host its class; an uncertified or revoked one cannot be named', async () => {
    const cohort = (name: string, teacherIds: string[]) =>
      api.http.post('/api/cohorts').auth(admin, { type: 'bearer' }).send({
        courseId,
        name,
        kind: 'trainees',
        centreId,
        capacity: 20,
        startsOn: '2026-01-01',
        endsOn: '2027-12-31',
        teacherIds,
      });
    expect((await cohort('Refusée', [belowRule.id]).expect(400)).body.message).toContain(belowRule.id);
    await cohort('Refusée aussi', [arabic.id]).expect(400);
    const taught = (await cohort('Cascade Kénitra', [latin.id]).expect(201)).body;
    expect(taught.teacherIds).toEqual([latin.id]);

    const session = (
      await api.http
        .post(`/api/cohorts/${taught.id}/sessions`)
        .auth(latin.token, { type: 'bearer' })
        .send({
          title: 'Première séance du formateur',
          startsAt: new Date(Date.now() + 5 * 60_000).toISOString(),
          durationMinutes: 60,
          mode: 'remote',
        })
        .expect(201)
    ).body.items[0];
    const joined = await api.http
      .post(`/api/sessions/${session.id}/join`)
      .auth(latin.token, { type: 'bearer' })
      .expect(200);
    expect(joined.body.role).toBe('host');

    // Revoking the certificate takes the teaching back, at once and audited.
    const [certificate] = (
      await api.http.get('/api/me/certificates').auth(latin.token, { type: 'bearer' }).expect(200)
    ).body.items;
    await api.http
      .post(`/api/certificates/${certificate.id}/revoke`)
      .auth(admin, { type: 'bearer' })
      .send({ reason: 'Attestation obtenue par erreur' })
      .expect(200);
    expect(
      (await api.http.get(`/api/cohorts/${taught.id}`).auth(admin, { type: 'bearer' }).expect(200)).body
        .teacherIds,
    ).toEqual([]);
    await api.http.post(`/api/sessions/${session.id}/join`).auth(latin.token, { type: 'bearer' }).expect(403);
    const audit = (
      await api.http
        .get('/api/audit')
        .query({ entity: 'cohort', entityId: taught.id })
        .auth(admin, { type: 'bearer' })
        .expect(200)
    ).body.items;
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'cohort.teacher-removed',
          reason: `certificate ${certificate.code} revoked: Attestation obtenue par erreur`,
          data: { userId: latin.id },
        }),
      ]),
    );
  });
});
