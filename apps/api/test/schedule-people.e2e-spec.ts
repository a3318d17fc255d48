import { randomUUID } from 'node:crypto';
import { createCohortWorld, type CohortWorld } from './support/cohort-world';
import { TestApp } from './support/test-app';

const HOUR = 3_600_000;

/** Who teaches a cohort and its sessions, and a trainee's own attendance in past sessions. */
describe('Cohort teachers and own attendance (e2e)', () => {
  let sut: TestApp;
  let world: CohortWorld;
  let past: string;
  let upcoming: string;

  beforeAll(async () => {
    sut = await TestApp.start();
    world = await createCohortWorld(sut, 2);
    const session = async (startsAt: number) =>
      (
        await sut.http
          .post(`/api/cohorts/${world.cohortId}/sessions`)
          .auth(world.expert.token, { type: 'bearer' })
          .send({
            title: 'Freinage',
            startsAt: new Date(startsAt).toISOString(),
            durationMinutes: 60,
            mode: 'hybrid',
          })
          .expect(201)
      ).body.items[0].id as string;
    past = await session(Date.now() - 3 * HOUR);
    upcoming = await session(Date.now() + 48 * HOUR);
    // The first trainee came to the centre; the second was not there.
    await sut.http
      .post(`/api/sessions/${past}/attendance/check-in`)
      .auth(world.admin, { type: 'bearer' })
      .send({ userId: world.trainees[0].id })
      .expect(200);
  });
  afterAll(() => sut.close());

  const get = (path: string, token: string) => sut.http.get(path).auth(token, { type: 'bearer' });

  it('names the cohort’s teachers, with their zones, on the cohort and on each session of the schedule', async () => {
    const cohort = await get(`/api/cohorts/${world.cohortId}`, world.trainees[0].token).expect(200);
    // The zone lets whoever schedules a session read its start on the teacher's clock.
    expect(cohort.body.teachers).toEqual([
      { id: world.expert.id, fullName: 'Test expert', timeZone: 'America/Toronto' },
    ]);

    const schedule = await get(
      `/api/sessions?from=${new Date(Date.now() - 24 * HOUR).toISOString()}&cohortId=${world.cohortId}`,
      world.trainees[1].token,
    ).expect(200);
    expect(
      schedule.body.items.map((s: { id: string; teacherNames: string[] }) => [s.id, s.teacherNames]),
    ).toEqual([
      [past, ['Test expert']],
      [upcoming, ['Test expert']],
    ]);
  });

  it('gives each trainee their own attendance in past sessions only', async () => {
    const ids = `${past},${upcoming}`;
    const first = await get(`/api/me/attendance?sessionIds=${ids}`, world.trainees[0].token).expect(200);
    expect(first.body).toEqual({
      items: [{ sessionId: past, status: 'present', source: 'in_person', minutesPresent: 60, percent: 100 }],
      total: 1,
    });
    const second = await get(`/api/me/attendance?sessionIds=${ids}`, world.trainees[1].token).expect(200);
    expect(second.body.items).toEqual([
      { sessionId: past, status: 'absent', source: 'live', minutesPresent: 0, percent: 0 },
    ]);
  });

  it('leaves out sessions of other cohorts and refuses ids that are not UUIDs', async () => {
    const outsider = await get(`/api/me/attendance?sessionIds=${past}`, world.outsider.token).expect(200);
    expect(outsider.body).toEqual({ items: [], total: 0 });
    const teacher = await get(`/api/me/attendance?sessionIds=${past}`, world.expert.token).expect(200);
    expect(teacher.body.items).toEqual([]);
    const unknown = await get(
      `/api/me/attendance?sessionIds=${randomUUID()}`,
      world.trainees[0].token,
    ).expect(200);
    expect(unknown.body.items).toEqual([]);
    const bad = await get('/api/me/attendance?sessionIds=abc', world.trainees[0].token).expect(400);
    expect(JSON.stringify(bad.body.message)).toContain('sessionIds must be session ids');
  });

  it('names in the audit who acted, the record, and the person concerned', async () => {
    const [cohort] = await sut.dataSource.query('SELECT name FROM cohorts WHERE id = $1', [world.cohortId]);
    const entries = await get(
      `/api/audit?entity=cohort&entityId=${world.cohortId}&pageSize=100`,
      world.admin,
    ).expect(200);
    const enrolled = entries.body.items.find(
      (entry: { action: string; data: { userId?: string } }) =>
        entry.action === 'enrollment.added' && entry.data.userId === world.trainees[0].id,
    );
    expect(enrolled).toMatchObject({
      actorName: 'Administrator',
      entityName: cohort.name,
      subjectName: 'Trainee 1 ' + cohort.name.split(' ')[1],
    });
  });
});
