import { randomUUID } from 'node:crypto';
import { TestApp, TestUser } from './support/test-app';

interface Enrollment {
  userId: string;
  status: string;
  position: number | null;
}

describe('Cohorts and enrollments (e2e)', () => {
  let sut: TestApp;
  let admin: string;
  let courseId: string;
  let centreId: string;
  let otherCentreId: string;
  let expert: TestUser;

  beforeAll(async () => {
    sut = await TestApp.start();
    admin = await sut.adminToken();
    const post = async (path: string, body: object) =>
      (await sut.http.post(path).auth(admin, { type: 'bearer' }).send(body).expect(201)).body;
    const suffix = randomUUID().slice(0, 6);
    const network = await post('/api/networks', {
      name: `Réseau ${suffix}`,
      country: 'Canada',
      sectorCodes: ['aeronautics'],
    });
    courseId = (
      await post('/api/courses', {
        code: `COH-${suffix}`,
        title: { fr: 'Maintenance aéronautique', ar: 'صيانة الطائرات' },
        sectorCode: 'aeronautics',
        networkId: network.id,
        format: 'remote',
        durationHours: 30,
        status: 'published',
      })
    ).id;
    centreId = (await post('/api/centres', { name: `Kénitra ${suffix}`, city: 'Kénitra' })).id;
    otherCentreId = (await post('/api/centres', { name: `Salé ${suffix}`, city: 'Salé' })).id;
    expert = await sut.createUser('expert');
  });
  afterAll(() => sut.close());

  const as = (token: string) => ({
    get: (path: string) => sut.http.get(path).auth(token, { type: 'bearer' }),
    post: (path: string, body: object) => sut.http.post(path).auth(token, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) => sut.http.patch(path).auth(token, { type: 'bearer' }).send(body),
    delete: (path: string) => sut.http.delete(path).auth(token, { type: 'bearer' }),
  });

  async function createCohort(extra: Record<string, unknown> = {}): Promise<{ id: string }> {
    const body = {
      courseId,
      name: `Cohorte ${randomUUID().slice(0, 6)}`,
      kind: 'trainees',
      centreId,
      capacity: 30,
      startsOn: '2026-03-02',
      endsOn: '2026-06-26',
      teacherIds: [expert.id],
      ...extra,
    };
    return (await as(admin).post('/api/cohorts', body).expect(201)).body;
  }

  /** Trainees made through the API without passwords (invited), which is fast. */
  async function createTrainees(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 50) {
      const batch = Array.from({ length: Math.min(50, count - i) }, () =>
        as(admin)
          .post('/api/users', {
            email: `t-${randomUUID().slice(0, 12)}@cohorts.test`,
            fullName: 'Stagiaire',
            role: 'trainee',
            centreId,
          })
          .expect(201),
      );
      ids.push(...(await Promise.all(batch)).map((r) => r.body.id));
    }
    return ids;
  }

  async function roster(cohortId: string, status?: string): Promise<Enrollment[]> {
    const items: Enrollment[] = [];
    for (let page = 1; ; page++) {
      const res = await as(admin)
        .get(
          `/api/cohorts/${cohortId}/enrollments?pageSize=100&page=${page}${status ? `&status=${status}` : ''}`,
        )
        .expect(200);
      items.push(...res.body.items);
      if (items.length >= res.body.total) return items;
    }
  }

  const enroll = (cohortId: string, userId: string, token = admin) =>
    as(token).post(`/api/cohorts/${cohortId}/enrollments`, { userId });

  it('creates a cohort with its teachers, 80 % attendance by default and empty counts', async () => {
    const cohort = await createCohort({ kind: 'trainers' });
    const read = await as(admin).get(`/api/cohorts/${cohort.id}`).expect(200);
    expect(read.body).toMatchObject({
      courseId,
      centreId,
      kind: 'trainers',
      capacity: 30,
      startsOn: '2026-03-02',
      endsOn: '2026-06-26',
      minAttendancePercent: 80,
      teacherIds: [expert.id],
      counts: { enrolled: 0, waitlisted: 0 },
      courseTitle: { fr: 'Maintenance aéronautique', ar: 'صيانة الطائرات' },
    });
  });

  it('refuses teachers who are not experts with a 400 that names them', async () => {
    const trainee = await sut.createUser('trainee');
    const res = await as(admin)
      .post('/api/cohorts', {
        courseId,
        name: 'X',
        kind: 'trainees',
        centreId,
        capacity: 5,
        startsOn: '2026-03-02',
        endsOn: '2026-03-30',
        teacherIds: [expert.id, trainee.id],
      })
      .expect(400);
    expect(res.body.message).toBe(
      `teacherIds must name diaspora experts or holders of a trainers cohort certificate; these do not: ${trainee.id}`,
    );
  });

  it('validates dates, capacity and references', async () => {
    const base = {
      courseId,
      name: 'X',
      kind: 'trainees',
      centreId,
      capacity: 5,
      startsOn: '2026-03-02',
      endsOn: '2026-03-30',
      teacherIds: [],
    };
    const wrong = async (extra: object) =>
      (
        await as(admin)
          .post('/api/cohorts', { ...base, ...extra })
          .expect(400)
      ).body.message;
    expect(await wrong({ endsOn: '2026-03-01' })).toBe('endsOn must not be before startsOn');
    expect(await wrong({ startsOn: '2026-02-30' })).toEqual(['startsOn must be a date that exists']);
    expect(await wrong({ capacity: 0, kind: 'everyone' })).toEqual(
      expect.arrayContaining(['capacity must not be less than 1', expect.stringContaining('kind')]),
    );
    expect(await wrong({ centreId: randomUUID() })).toBe('centreId does not name a centre');
  });

  it('keeps 200 simultaneous enrollments within a capacity of 30: 30 active, 170 waitlisted in positions 1..170', async () => {
    const cohort = await createCohort({ capacity: 30 });
    const trainees = await createTrainees(200);

    const answers = await Promise.all(trainees.map((id) => enroll(cohort.id, id)));
    expect(answers.map((r) => r.status)).toEqual(trainees.map(() => 201));
    const statuses = answers.map((r) => r.body as Enrollment);
    expect(statuses.filter((e) => e.status === 'active')).toHaveLength(30);
    const positions = statuses.filter((e) => e.status === 'waitlisted').map((e) => e.position);
    expect([...positions].sort((a, b) => (a as number) - (b as number))).toEqual(
      Array.from({ length: 170 }, (_, i) => i + 1),
    );

    const counts = (await as(admin).get(`/api/cohorts/${cohort.id}`).expect(200)).body.counts;
    expect(counts).toEqual({ enrolled: 30, waitlisted: 170 });
    const waitlist = await roster(cohort.id, 'waitlisted');
    expect(waitlist.map((e) => e.position)).toEqual(Array.from({ length: 170 }, (_, i) => i + 1));

    // Withdrawing an active trainee promotes the first in line; everyone else moves up one place.
    const leaving = statuses.find((e) => e.status === 'active') as Enrollment;
    const res = await as(admin).delete(`/api/cohorts/${cohort.id}/enrollments/${leaving.userId}`).expect(200);
    expect(res.body).toEqual({
      userId: leaving.userId,
      status: 'withdrawn',
      promotedUserIds: [waitlist[0].userId],
    });
    const after = await roster(cohort.id, 'waitlisted');
    expect(after.map((e) => e.userId)).toEqual(waitlist.slice(1).map((e) => e.userId));
    expect(after.map((e) => e.position)).toEqual(Array.from({ length: 169 }, (_, i) => i + 1));
    expect((await as(admin).get(`/api/cohorts/${cohort.id}`).expect(200)).body.counts).toEqual({
      enrolled: 30,
      waitlisted: 169,
    });
  });

  it('promotes in waitlist order, closes gaps when a waitlisted person leaves, and audits who, when, what and why', async () => {
    const cohort = await createCohort({ capacity: 2 });
    const [a, b, c, d, e] = await createTrainees(5);
    for (const id of [a, b, c, d, e]) await enroll(cohort.id, id).expect(201);

    await as(admin)
      .delete(`/api/cohorts/${cohort.id}/enrollments/${a}?reason=${encodeURIComponent('Moved to Tangier')}`)
      .expect(200);
    await as(admin).delete(`/api/cohorts/${cohort.id}/enrollments/${d}`).expect(200);
    const list = await roster(cohort.id);
    const byUser = Object.fromEntries(list.map((x) => [x.userId, [x.status, x.position]]));
    expect(byUser).toEqual({
      [a]: ['withdrawn', null],
      [b]: ['active', null],
      [c]: ['active', null],
      [d]: ['withdrawn', null],
      [e]: ['waitlisted', 1],
    });
    await as(admin).delete(`/api/cohorts/${cohort.id}/enrollments/${a}`).expect(404);

    const audit = await as(admin)
      .get(`/api/audit?entity=cohort&entityId=${cohort.id}&pageSize=100`)
      .expect(200);
    const entries = audit.body.items as {
      action: string;
      actorId: string;
      reason: string | null;
      data: Record<string, unknown>;
      createdAt: string;
    }[];
    expect(entries.filter((x) => x.action === 'enrollment.added')).toHaveLength(5);
    const withdrawal = entries.find((x) => x.action === 'enrollment.withdrawn' && x.data.userId === a);
    expect(withdrawal).toMatchObject({ reason: 'Moved to Tangier', data: { previousStatus: 'active' } });
    expect(withdrawal?.actorId).toEqual((await as(admin).get('/api/me').expect(200)).body.id);
    expect(entries.find((x) => x.action === 'enrollment.promoted')).toMatchObject({
      data: { userId: c, previousPosition: 1 },
    });
    expect(entries.every((x) => !Number.isNaN(Date.parse(x.createdAt)))).toBe(true);

    const trainee = await sut.createUser('trainee');
    await as(trainee.token).get(`/api/audit?entity=cohort&entityId=${cohort.id}`).expect(403);
  });

  it('answers 409 to a second enrollment, and lets a withdrawn person come back at the end of the line', async () => {
    const cohort = await createCohort({ capacity: 1 });
    const [a, b] = await createTrainees(2);
    await enroll(cohort.id, a).expect(201);
    const twice = await enroll(cohort.id, a).expect(409);
    expect(twice.body.message).toBe('This person is already enrolled in the cohort');
    await enroll(cohort.id, b).expect(201);
    await as(admin).delete(`/api/cohorts/${cohort.id}/enrollments/${b}`).expect(200);
    await enroll(cohort.id, a).expect(409);
    const back = await enroll(cohort.id, b).expect(201);
    expect(back.body).toMatchObject({ userId: b, status: 'waitlisted', position: 1 });
  });

  it('raises capacity by promoting the waitlist, and refuses a capacity below the enrolled', async () => {
    const cohort = await createCohort({ capacity: 1 });
    const [a, b, c] = await createTrainees(3);
    for (const id of [a, b, c]) await enroll(cohort.id, id).expect(201);
    const raised = await as(admin)
      .patch(`/api/cohorts/${cohort.id}`, { capacity: 2, name: 'Cohorte élargie' })
      .expect(200);
    expect(raised.body).toMatchObject({
      capacity: 2,
      name: 'Cohorte élargie',
      counts: { enrolled: 2, waitlisted: 1 },
    });
    expect((await roster(cohort.id, 'waitlisted')).map((e) => [e.userId, e.position])).toEqual([[c, 1]]);
    const lowered = await as(admin).patch(`/api/cohorts/${cohort.id}`, { capacity: 1 }).expect(400);
    expect(lowered.body.message).toBe('capacity cannot be less than the 2 people already enrolled');
    await as(admin).patch(`/api/cohorts/${cohort.id}`, { courseId }).expect(400);
  });

  it('enrolls an unknown e-mail as an invited trainee of the centre, inviting them in their language (French by default)', async () => {
    const cohort = await createCohort();
    const arabic = `salma-${randomUUID().slice(0, 8)}@cohorts.test`;
    const french = `omar-${randomUUID().slice(0, 8)}@cohorts.test`;
    const res = await as(admin)
      .post(`/api/cohorts/${cohort.id}/enrollments`, {
        email: arabic.toUpperCase(),
        fullName: 'سلمى برادة',
        locale: 'ar',
      })
      .expect(201);
    expect(res.body).toMatchObject({
      email: arabic,
      fullName: 'سلمى برادة',
      status: 'active',
      position: null,
    });
    await as(admin)
      .post(`/api/cohorts/${cohort.id}/enrollments`, { email: french, fullName: 'Omar Tazi' })
      .expect(201);

    const users = await as(admin).get(`/api/users?q=${arabic}`).expect(200);
    expect(users.body.items).toEqual([
      expect.objectContaining({ role: 'trainee', status: 'invited', centreId, locale: 'ar' }),
    ]);
    const jobs = await sut.mailQueue.getJobs(['waiting', 'active', 'completed', 'delayed']);
    expect(jobs.filter((j) => j.data.to === arabic).map((j) => [j.data.template, j.data.locale])).toEqual([
      ['invitation', 'ar'],
    ]);
    expect(jobs.filter((j) => j.data.to === french).map((j) => [j.data.template, j.data.locale])).toEqual([
      ['invitation', 'fr'],
    ]);

    // The same e-mail again is the same person: no second account, and a 409.
    await as(admin)
      .post(`/api/cohorts/${cohort.id}/enrollments`, { email: arabic, fullName: 'Salma' })
      .expect(409);
    await as(admin).post(`/api/cohorts/${cohort.id}/enrollments`, { email: 'not-an-email' }).expect(400);
    const notTrainee = await as(admin)
      .post(`/api/cohorts/${cohort.id}/enrollments`, { userId: expert.id })
      .expect(400);
    expect(notTrainee.body.message).toBe('Only users with the trainee role can be enrolled');
  });

  describe('who sees and runs what', () => {
    let cohortId: string;
    let coordinator: TestUser;
    let otherCoordinator: TestUser;
    let otherExpert: TestUser;
    let enrolled: TestUser;
    let outsider: TestUser;
    let newcomer: string;

    beforeAll(async () => {
      cohortId = (await createCohort()).id;
      coordinator = await sut.createUser('coordinator', { centreId });
      otherCoordinator = await sut.createUser('coordinator', { centreId: otherCentreId });
      otherExpert = await sut.createUser('expert');
      enrolled = await sut.createUser('trainee', { centreId });
      outsider = await sut.createUser('trainee', { centreId });
      [newcomer] = await createTrainees(1);
      await enroll(cohortId, enrolled.id).expect(201);
    });

    it('shows the cohort to the admin, its centre coordinator, its teacher and its trainee; 404 to others', async () => {
      for (const token of [admin, coordinator.token, expert.token, enrolled.token])
        await as(token).get(`/api/cohorts/${cohortId}`).expect(200);
      for (const token of [otherCoordinator.token, otherExpert.token, outsider.token]) {
        const res = await as(token).get(`/api/cohorts/${cohortId}`).expect(404);
        expect(res.body).toEqual({
          statusCode: 404,
          error: 'Not Found',
          message: 'Cohort not found',
          code: 'cohort-not-found',
        });
      }
      const listed = async (token: string) =>
        ((await as(token).get('/api/cohorts?pageSize=100').expect(200)).body.items as { id: string }[]).map(
          (c) => c.id,
        );
      expect(await listed(coordinator.token)).toContain(cohortId);
      expect(await listed(enrolled.token)).toEqual([cohortId]);
      expect(await listed(otherCoordinator.token)).not.toContain(cohortId);
      expect(await listed(outsider.token)).toEqual([]);
    });

    it('tells a trainee their own place in each of their cohorts (My courses)', async () => {
      const mine = (await as(enrolled.token).get('/api/cohorts').expect(200)).body.items;
      expect(mine).toEqual([
        expect.objectContaining({ id: cohortId, myEnrollment: { status: 'active', position: null } }),
      ]);
      expect((await as(admin).get(`/api/cohorts/${cohortId}`).expect(200)).body.myEnrollment).toBeNull();
    });

    it('shows the roster to staff only', async () => {
      for (const token of [admin, coordinator.token, expert.token])
        await as(token).get(`/api/cohorts/${cohortId}/enrollments`).expect(200);
      await as(enrolled.token).get(`/api/cohorts/${cohortId}/enrollments`).expect(403);
      await as(outsider.token).get(`/api/cohorts/${cohortId}/enrollments`).expect(404);
      await as(otherCoordinator.token).get(`/api/cohorts/${cohortId}/enrollments`).expect(404);
      const found = await as(coordinator.token)
        .get(`/api/cohorts/${cohortId}/enrollments?q=${encodeURIComponent(enrolled.email)}`)
        .expect(200);
      expect(found.body).toMatchObject({ total: 1, items: [{ userId: enrolled.id, status: 'active' }] });
    });

    it('lets the centre coordinator enroll and withdraw; others get 404 or 403', async () => {
      await enroll(cohortId, newcomer, otherCoordinator.token).expect(404);
      await enroll(cohortId, newcomer, expert.token).expect(403);
      await enroll(cohortId, newcomer, enrolled.token).expect(403);
      await enroll(cohortId, newcomer, coordinator.token).expect(201);
      await as(otherCoordinator.token).delete(`/api/cohorts/${cohortId}/enrollments/${newcomer}`).expect(404);
      await as(coordinator.token).delete(`/api/cohorts/${cohortId}/enrollments/${newcomer}`).expect(200);
      await as(coordinator.token).patch(`/api/cohorts/${cohortId}`, { capacity: 40 }).expect(403);
    });

    it("answers the caller's permissions with the cohort, alike alone and in the list", async () => {
      const none = {
        edit: false,
        manage: false,
        viewRoster: false,
        issueCertificates: false,
        revokeCertificates: false,
        scheduleSessions: false,
      };
      const expected: [string, typeof none][] = [
        [
          admin,
          {
            edit: true,
            manage: true,
            viewRoster: true,
            issueCertificates: true,
            revokeCertificates: true,
            scheduleSessions: true,
          },
        ],
        [coordinator.token, { ...none, manage: true, viewRoster: true }],
        [expert.token, { ...none, viewRoster: true, scheduleSessions: true }],
        [enrolled.token, none],
      ];
      for (const [token, permissions] of expected) {
        expect((await as(token).get(`/api/cohorts/${cohortId}`).expect(200)).body.permissions).toEqual(
          permissions,
        );
        const listed = (await as(token).get('/api/cohorts?pageSize=100').expect(200)).body.items;
        expect(listed.find((c: { id: string }) => c.id === cohortId).permissions).toEqual(permissions);
      }
    });

    it('answers 400 to a malformed id and 404 to an unknown cohort', async () => {
      await as(admin).get('/api/cohorts/not-a-uuid').expect(400);
      await as(admin).get(`/api/cohorts/${randomUUID()}`).expect(404);
    });
  });
});
