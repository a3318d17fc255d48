import { randomInt } from 'node:crypto';
import { createCohortWorld, CohortWorld } from './support/cohort-world';
import { TestApp } from './support/test-app';

interface Session {
  id: string;
  cohortId: string;
  startsAt: string;
}

const HOUR = 3_600_000;

/** GET /sessions: who sees which sessions, in which order, and the total behind a page. */
describe('My schedule (e2e)', () => {
  let sut: TestApp;
  let a: CohortWorld;
  let b: CohortWorld;
  let secondCohortOfA: string;
  // A stretch of time no other test schedules in, so that even the admin's schedule is countable.
  const base = Date.parse('2041-01-01T00:00:00Z') + randomInt(0, 3000) * 24 * HOUR;
  const at = (hours: number) => new Date(base + hours * HOUR).toISOString();
  const window = { from: at(0), to: at(1000) };
  let sessionsOfA: Session[];
  let sessionsOfB: Session[];

  const get = (token: string, query: Record<string, string | number> = {}) =>
    sut.http
      .get('/api/sessions')
      .query({ ...window, ...query })
      .auth(token, { type: 'bearer' })
      .expect(200);
  const ids = (body: { items: { id: string }[] }) => body.items.map((s) => s.id);
  const schedule = async (world: CohortWorld, cohortId: string, hours: number): Promise<Session> =>
    (
      await sut.http
        .post(`/api/cohorts/${cohortId}/sessions`)
        .auth(world.expert.token, { type: 'bearer' })
        .send({ title: `Séance ${hours}`, startsAt: at(hours), durationMinutes: 60, mode: 'remote' })
        .expect(201)
    ).body.items[0];
  const inOrder = (sessions: Session[]) =>
    [...sessions]
      .sort((x, y) => x.startsAt.localeCompare(y.startsAt) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
      .map((s) => s.id);

  beforeAll(async () => {
    sut = await TestApp.start();
    a = await createCohortWorld(sut, 2);
    b = await createCohortWorld(sut, 1);
    secondCohortOfA = await a.addCohort();
    sessionsOfA = [];
    // Created out of order; two cohorts share start times, so ties are broken by id.
    for (const hours of [50, 10, 30, 20, 40]) sessionsOfA.push(await schedule(a, a.cohortId, hours));
    for (const hours of [30, 5, 45, 10]) sessionsOfA.push(await schedule(a, secondCohortOfA, hours));
    sessionsOfB = [await schedule(b, b.cohortId, 12), await schedule(b, b.cohortId, 60)];
  });
  afterAll(() => sut.close());

  it('pages a trainee’s schedule in start order, each page with the total of all', async () => {
    const expected = inOrder(sessionsOfA);
    const pages = [];
    for (const page of [1, 2, 3]) pages.push((await get(a.trainees[0].token, { page, pageSize: 4 })).body);
    expect(pages.map((p) => p.total)).toEqual([9, 9, 9]);
    expect(pages.flatMap(ids)).toEqual(expected);
    const pastTheEnd = (await get(a.trainees[0].token, { page: 4, pageSize: 4 })).body;
    expect(pastTheEnd).toEqual({ items: [], total: 9 });
  });

  it('answers each session in full', async () => {
    const created = (
      await sut.http
        .post(`/api/cohorts/${b.cohortId}/sessions`)
        .auth(b.expert.token, { type: 'bearer' })
        .send({
          title: 'Série hebdomadaire',
          startsAt: at(200),
          durationMinutes: 90,
          mode: 'hybrid',
          repeatWeeks: 2,
          timeZone: 'Africa/Casablanca',
        })
        .expect(201)
    ).body.items;
    const listed = (await get(b.trainees[0].token, { from: at(199), to: at(200 + 24 * 14) })).body;
    // The schedule adds to each session its teachers' names, whether a recording can be watched, and
    // its place in its series.
    const scheduled = created.map((session: object, index: number) => ({
      ...session,
      teacherNames: ['Test expert'],
      recordingAvailable: false,
      seriesPosition: index + 1,
      seriesLength: 2,
    }));
    expect(listed).toEqual({ items: scheduled, total: 2 });
    expect(listed.items[0]).toEqual({
      id: expect.any(String),
      cohortId: b.cohortId,
      title: 'Série hebdomadaire',
      // A plain title is kept in the language its letters are written in (Latin letters: French).
      titles: { fr: 'Série hebdomadaire' },
      startsAt: at(200),
      endsAt: new Date(base + 201.5 * HOUR).toISOString(),
      // Casablanca is at UTC+0 all year from 2026-09-20 (IANA tzdb 2026c): the wall clock reads as UTC.
      localStart: at(200).slice(0, 19),
      timeZone: 'Africa/Casablanca',
      joinOpensAt: new Date(base + 200 * HOUR - 15 * 60_000).toISOString(),
      durationMinutes: 90,
      mode: 'hybrid',
      status: 'scheduled',
      roomName: `mre-${listed.items[0].id}`,
      seriesId: listed.items[1].seriesId,
      teacherNames: ['Test expert'],
      recordingAvailable: false,
      cancellationReasons: null,
      seriesPosition: 1,
      seriesLength: 2,
    });
    expect(listed.items[0].seriesId).toEqual(expect.any(String));
  });

  it('filters by from (sessions still running count), to and cohort, and counts only what the filters keep', async () => {
    const token = a.trainees[1].token;
    // from falls inside the session at hour 10 (two of them): they have not ended, so they are in.
    const from = (await get(token, { from: at(10.5), to: at(31) })).body;
    expect(from.total).toBe(5);
    // Single sessions, not of a series: no place in one.
    expect(
      from.items.map((s: { seriesPosition: number | null; seriesLength: number | null }) => [
        s.seriesPosition,
        s.seriesLength,
      ]),
    ).toEqual(from.items.map(() => [null, null]));
    expect(ids(from)).toEqual(
      inOrder(sessionsOfA.filter((s) => s.startsAt >= at(10) && s.startsAt < at(31))),
    );
    const toOnly = (await get(token, { to: at(10) })).body;
    expect(ids(toOnly)).toEqual(inOrder(sessionsOfA.filter((s) => s.startsAt < at(10))));
    const oneCohort = (await get(token, { cohortId: secondCohortOfA, pageSize: 2 })).body;
    expect(oneCohort.total).toBe(4);
    expect(ids(oneCohort)).toEqual(
      inOrder(sessionsOfA.filter((s) => s.cohortId === secondCohortOfA)).slice(0, 2),
    );
    const notMine = (await get(token, { cohortId: b.cohortId })).body;
    expect(notMine).toEqual({ items: [], total: 0 });
  });

  it('shows each role its own cohorts: trainee, teacher, coordinator of the centre, admin', async () => {
    const ofA = inOrder(sessionsOfA);
    const ofB = inOrder(sessionsOfB);
    expect(ids((await get(b.trainees[0].token, { to: at(100) })).body)).toEqual(ofB);
    expect(ids((await get(a.expert.token, { pageSize: 100, to: at(100) })).body)).toEqual(ofA);
    expect(ids((await get(b.expert.token, { pageSize: 100, to: at(100) })).body)).toEqual(ofB);
    expect(ids((await get(a.coordinator.token, { pageSize: 100, to: at(100) })).body)).toEqual(ofA);
    expect(ids((await get(b.coordinator.token, { pageSize: 100, to: at(100) })).body)).toEqual(ofB);
    const admin = (await get(a.admin, { pageSize: 100, to: at(100) })).body;
    expect(admin).toEqual({ items: expect.any(Array), total: 11 });
    expect(ids(admin)).toEqual(inOrder([...sessionsOfA, ...sessionsOfB]));
    expect((await get(a.outsider.token)).body).toEqual({ items: [], total: 0 });
  });

  it('keeps completed enrollments in a trainee’s schedule and drops withdrawn and waitlisted ones', async () => {
    const trainee = await sut.createUser('trainee');
    const enroll = async (cohortId: string) =>
      (
        await sut.http
          .post(`/api/cohorts/${cohortId}/enrollments`)
          .auth(a.admin, { type: 'bearer' })
          .send({ userId: trainee.id })
          .expect(201)
      ).body;
    await enroll(a.cohortId);
    await enroll(secondCohortOfA);
    await sut.dataSource.query(
      `UPDATE enrollments SET status = 'completed' WHERE user_id = $1 AND cohort_id = $2`,
      [trainee.id, a.cohortId],
    );
    await sut.http
      .delete(`/api/cohorts/${secondCohortOfA}/enrollments/${trainee.id}`)
      .auth(a.admin, { type: 'bearer' })
      .expect(200);
    await sut.dataSource.query(`UPDATE cohorts SET capacity = 1 WHERE id = $1`, [b.cohortId]);
    expect((await enroll(b.cohortId)).status).toBe('waitlisted');
    const seen = (await get(trainee.token, { pageSize: 100, to: at(100) })).body;
    expect(ids(seen)).toEqual(inOrder(sessionsOfA.filter((s) => s.cohortId === a.cohortId)));
    expect(seen.total).toBe(5);
  });
});
