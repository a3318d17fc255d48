import { randomBytes, randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { CertificateFileEntity } from '@/modules/certification/certificate-file.entity';
import { CertificateEntity } from '@/modules/certification/certificate.entity';
import { createCohortWorld, CohortWorld } from './support/cohort-world';
import { clearRateLimits } from './support/security';
import { TestApp } from './support/test-app';

const MINUTE = 60_000;

/**
 * Two cohorts at two centres, each with its own expert, coordinator and trainees. Nearly every request
 * below is made by someone of cohort A with an id of cohort B (or of a role above theirs in A):
 * none may read or change anything, and the refusal itself carries no data.
 */
describe('Security: ids swapped between cohorts (e2e)', () => {
  let sut: TestApp;
  let a: CohortWorld;
  let b: CohortWorld;
  let sessionA: string;
  let sessionB: string;
  let jobB: string;
  let certificateB: string;

  /** A certificate of B's first trainee, stored as the issuing job would (its PDF is not what is tested). */
  const storeCertificate = async (world: CohortWorld): Promise<string> => {
    const id = randomUUID();
    await sut.dataSource.getRepository(CertificateEntity).insert({
      id,
      code: randomBytes(16).toString('hex').toUpperCase(),
      cohortId: world.cohortId,
      userId: world.trainees[0].id,
      holderName: 'Trainee B',
      courseTitle: { fr: 'Maintenance' },
      cohortName: 'Cohorte B',
      cohortKind: 'trainees',
      centreName: 'Centre B',
      networkName: 'Réseau B',
      hours: 30,
      issuedAt: new Date(),
      status: 'valid',
    });
    await sut.dataSource
      .getRepository(CertificateFileEntity)
      .insert({ certificateId: id, pdf: Buffer.from('%PDF-1.4 certificate of B') });
    return id;
  };

  const as = (token: string) => ({
    get: (path: string, query: Record<string, string> = {}) =>
      sut.http.get(`/api${path}`).query(query).auth(token, { type: 'bearer' }),
    post: (path: string, body: object = {}) =>
      sut.http.post(`/api${path}`).auth(token, { type: 'bearer' }).send(body),
    put: (path: string, body: object) =>
      sut.http.put(`/api${path}`).auth(token, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) =>
      sut.http.patch(`/api${path}`).auth(token, { type: 'bearer' }).send(body),
    delete: (path: string) => sut.http.delete(`/api${path}`).auth(token, { type: 'bearer' }),
  });

  /** 403 or 404, and nothing but the error shape (with its code) in the answer. */
  const expectRefused = (res: Response) => {
    // supertest's types leave out the request an answer belongs to; it names the call that failed.
    const { method, path } = (res as unknown as { req: { method: string; path: string } }).req;
    expect(`${method} ${path} ${[403, 404].includes(res.status) ? 'refused' : res.status}`).toBe(
      `${method} ${path} refused`,
    );
    expect(Object.keys(res.body).sort()).toEqual(['code', 'error', 'message', 'statusCode']);
  };

  const scheduleNow = async (world: CohortWorld) =>
    (
      await as(world.expert.token)
        .post(`/cohorts/${world.cohortId}/sessions`, {
          title: 'Contrôle non destructif',
          // Started a few minutes ago: open to join, and its attendance can be corrected.
          startsAt: new Date(Date.now() - 5 * MINUTE).toISOString(),
          durationMinutes: 60,
          mode: 'hybrid',
        })
        .expect(201)
    ).body.items[0].id as string;

  beforeAll(async () => {
    sut = await TestApp.start();
    a = await createCohortWorld(sut, 2);
    b = await createCohortWorld(sut, 2);
    sessionA = await scheduleNow(a);
    sessionB = await scheduleNow(b);
    // Cohort B has attendance, and an import job its admin started.
    await as(b.expert.token)
      .put(`/sessions/${sessionB}/attendance/${b.trainees[0].id}`, {
        status: 'excused',
        reason: 'Visite médicale',
      })
      .expect(200);
    jobB = (
      await sut.http
        .post(`/api/cohorts/${b.cohortId}/enrollments/import`)
        .auth(b.admin, { type: 'bearer' })
        .attach('file', Buffer.from('email,full_name\nswapped-b@academy.test,Nadia B\n'), 'people.csv')
        .expect(202)
    ).body.jobId;
    certificateB = await storeCertificate(b);
  });
  afterAll(async () => {
    await clearRateLimits(sut);
    await sut.close();
  });

  describe("a trainee of cohort A with cohort B's ids", () => {
    const trainee = () => as(a.trainees[0].token);

    it('cannot read cohort B, its enrollments or its import job', async () => {
      expectRefused(await trainee().get(`/cohorts/${b.cohortId}`));
      expectRefused(await trainee().get(`/cohorts/${b.cohortId}/enrollments`));
      expectRefused(await trainee().get(`/jobs/${jobB}`));
      const mine = await trainee().get('/cohorts', { pageSize: '100' }).expect(200);
      expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([a.cohortId]);
    });

    it("cannot read cohort B's sessions, recordings or attendance, nor find them in a schedule", async () => {
      expectRefused(await trainee().get(`/sessions/${sessionB}`));
      expectRefused(await trainee().get(`/sessions/${sessionB}/recordings`));
      expectRefused(await trainee().get(`/sessions/${sessionB}/attendance`));
      const range = {
        from: new Date(Date.now() - 60 * MINUTE).toISOString(),
        to: new Date(Date.now() + 120 * MINUTE).toISOString(),
      };
      const filtered = await trainee()
        .get('/sessions', { ...range, cohortId: b.cohortId })
        .expect(200);
      expect(filtered.body).toEqual({ items: [], total: 0 });
      const schedule = await trainee().get('/sessions', range).expect(200);
      expect(schedule.body.items.map((s: { id: string }) => s.id)).toEqual([sessionA]);
    });

    it("cannot join, moderate, record or mark attendance in cohort B's session", async () => {
      expectRefused(await trainee().post(`/sessions/${sessionB}/join`));
      expectRefused(await trainee().post(`/sessions/${sessionB}/recording/start`));
      expectRefused(await trainee().post(`/sessions/${sessionB}/participants/${b.trainees[0].id}/remove`));
      expectRefused(
        await trainee().put(`/sessions/${sessionB}/attendance/${b.trainees[0].id}`, {
          status: 'present',
          reason: 'swapped',
        }),
      );
      expectRefused(await trainee().patch(`/sessions/${sessionB}`, { title: 'Hijacked' }));
      expectRefused(await trainee().post(`/sessions/${sessionB}/cancel`));
    });

    it('cannot act as staff in their own cohort either', async () => {
      expectRefused(await trainee().get(`/cohorts/${a.cohortId}/enrollments`));
      expectRefused(await trainee().get(`/sessions/${sessionA}/attendance`));
      expectRefused(
        await trainee().put(`/sessions/${sessionA}/attendance/${a.trainees[1].id}`, {
          status: 'absent',
          reason: 'swapped',
        }),
      );
      expectRefused(await trainee().post(`/sessions/${sessionA}/participants/${a.trainees[1].id}/remove`));
      expectRefused(await trainee().post(`/sessions/${sessionA}/recording/start`));
      expectRefused(
        await trainee().post(`/cohorts/${a.cohortId}/sessions`, {
          title: 'Mine',
          startsAt: new Date(Date.now() + 600 * MINUTE).toISOString(),
          durationMinutes: 30,
          mode: 'remote',
        }),
      );
    });

    it("cannot list or download cohort B's certificates, while their holder and B's staff can", async () => {
      expectRefused(await trainee().get(`/certificates/${certificateB}/pdf`));
      expectRefused(await trainee().get(`/cohorts/${b.cohortId}/certificates`));
      expectRefused(await trainee().post(`/certificates/${certificateB}/revoke`, { reason: 'swapped' }));
      expect((await trainee().get('/me/certificates').expect(200)).body).toEqual({ items: [], total: 0 });
      // A classmate of the holder is no holder either.
      expectRefused(await as(b.trainees[1].token).get(`/certificates/${certificateB}/pdf`));
      expectRefused(await as(b.trainees[1].token).get(`/cohorts/${b.cohortId}/certificates`));
      // The positive controls: the refusals above are about who asks, not about a missing file.
      await as(b.trainees[0].token).get(`/certificates/${certificateB}/pdf`).expect(200);
      await as(b.expert.token).get(`/certificates/${certificateB}/pdf`).expect(200);
      const mine = (await as(b.trainees[0].token).get('/me/certificates').expect(200)).body;
      expect(mine.items.map((c: { id: string }) => c.id)).toEqual([certificateB]);
    });

    it('cannot read another user, nor make themselves admin', async () => {
      expectRefused(await trainee().get(`/users/${b.trainees[0].id}`));
      expectRefused(await trainee().get('/users'));
      await trainee().patch('/me', { role: 'admin' }).expect(400);
      await trainee().patch('/me', { centreId: b.centreId }).expect(400);
      const me = await trainee().get('/me').expect(200);
      expect(me.body).toMatchObject({ id: a.trainees[0].id, role: 'trainee', centreId: a.centreId });
    });
  });

  describe("the staff of cohort A with cohort B's ids", () => {
    it("keeps cohort A's coordinator out of cohort B", async () => {
      const coordinator = as(a.coordinator.token);
      expectRefused(await coordinator.get(`/cohorts/${b.cohortId}`));
      expectRefused(await coordinator.get(`/cohorts/${b.cohortId}/enrollments`));
      expectRefused(
        await coordinator.post(`/cohorts/${b.cohortId}/enrollments`, { userId: a.trainees[0].id }),
      );
      expectRefused(await coordinator.delete(`/cohorts/${b.cohortId}/enrollments/${b.trainees[0].id}`));
      expectRefused(await coordinator.get(`/sessions/${sessionB}/attendance`));
      expectRefused(
        await coordinator.post(`/sessions/${sessionB}/attendance/check-in`, { userId: b.trainees[0].id }),
      );
      expectRefused(await coordinator.get(`/jobs/${jobB}`));
      expectRefused(await coordinator.get(`/certificates/${certificateB}/pdf`));
      expectRefused(await coordinator.get(`/cohorts/${b.cohortId}/certificates`));
      const users = await coordinator.get('/users', { q: b.trainees[0].email }).expect(200);
      expect(users.body.items).toEqual([]);
      // The enrollment of B's trainee is untouched.
      const roster = await as(b.admin).get(`/cohorts/${b.cohortId}/enrollments`).expect(200);
      expect(roster.body.items.map((e: { userId: string }) => e.userId)).toEqual(
        expect.arrayContaining(b.trainees.map((t) => t.id)),
      );
    });

    it("tells cohort A's coordinator nothing about people outside centre A when enrolling them", async () => {
      const enroll = (body: object) =>
        as(a.coordinator.token).post(`/cohorts/${a.cohortId}/enrollments`, body);
      // B's trainee, B's staff, and no one at all: by id or by e-mail, one and the same answer.
      const answers = [
        await enroll({ userId: b.trainees[0].id }),
        await enroll({ userId: b.expert.id }),
        await enroll({ userId: b.coordinator.id }),
        await enroll({ userId: randomUUID() }),
        await enroll({ email: b.trainees[0].email, fullName: 'Guess' }),
        await enroll({ email: b.coordinator.email, fullName: 'Guess' }),
      ];
      expect(answers.map((res) => [res.status, res.body])).toEqual(
        answers.map(() => [
          400,
          {
            statusCode: 400,
            error: 'Bad Request',
            message: 'This person cannot be enrolled in this cohort',
            code: 'not-enrollable',
          },
        ]),
      );
      const roster = await as(a.coordinator.token).get(`/cohorts/${a.cohortId}/enrollments`).expect(200);
      expect(roster.body.items.map((e: { userId: string }) => e.userId).sort()).toEqual(
        a.trainees.map((t) => t.id).sort(),
      );
      // Their own centre's trainee is enrolled as before; an admin, who sees everyone, may bring in B's.
      await as(a.coordinator.token)
        .post(`/cohorts/${a.cohortId}/enrollments`, { userId: a.outsider.id })
        .expect(201);
      await as(a.admin).post(`/cohorts/${a.cohortId}/enrollments`, { userId: b.trainees[1].id }).expect(201);
    });

    it("keeps cohort A's expert out of cohort B's sessions and recordings", async () => {
      const expert = as(a.expert.token);
      expectRefused(await expert.get(`/sessions/${sessionB}`));
      expectRefused(await expert.get(`/sessions/${sessionB}/attendance`));
      expectRefused(await expert.get(`/sessions/${sessionB}/recordings`));
      expectRefused(await expert.post(`/sessions/${sessionB}/recording/start`));
      expectRefused(await expert.post(`/sessions/${sessionB}/recording/stop`));
      expectRefused(await expert.post(`/sessions/${sessionB}/participants/${b.trainees[0].id}/mute`));
      expectRefused(await expert.post(`/sessions/${sessionB}/join`));
      expectRefused(await expert.get(`/certificates/${certificateB}/pdf`));
      expectRefused(
        await expert.post(`/cohorts/${b.cohortId}/sessions`, {
          title: 'Intrus',
          startsAt: new Date(Date.now() + 600 * MINUTE).toISOString(),
          durationMinutes: 30,
          mode: 'remote',
        }),
      );
    });

    it("leaves cohort B's attendance as its expert set it", async () => {
      const rows =
        (await as(b.expert.token).get(`/sessions/${sessionB}/attendance`).expect(200)).body.items ?? [];
      expect(rows.find((r: { userId: string }) => r.userId === b.trainees[0].id)).toMatchObject({
        status: 'excused',
        source: 'manual',
      });
    });
  });
});
