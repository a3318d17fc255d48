import { randomUUID } from 'node:crypto';
import type { CohortWorld } from './support/cohort-world';
import { classEvents, HeldClass, startHeldClass, stopHeldClass } from './support/held-class';
import { TestApp } from './support/test-app';

interface Row {
  userId: string;
  minutesPresent: number;
  percent: number;
}

/**
 * The presence the worker stores for the dashboard (attendance_presence and the session's total)
 * against what the attendance page computes from the segments for the same events, and the
 * dashboard following what changes after it was stored: late events, the room finishing in a later
 * batch, enrollments and check-ins. The world's centre is its own, so the overview filtered by it
 * sees this session only.
 */
describe('Stored presence and the dashboard (e2e)', () => {
  let held: HeldClass;
  let sut: TestApp;
  let world: CohortWorld;
  let session: HeldClass['session'];

  beforeAll(async () => {
    held = await startHeldClass('Présence stockée');
    ({ sut, world, session } = held);
  });
  afterAll(() => stopHeldClass(held));

  const { at, participantEvent, send, settle } = classEvents(() => held);
  const connection = (userId: string, sid: string, fromMin: number, toMin: number) => [
    participantEvent('participant_joined', userId, sid, fromMin, fromMin),
    participantEvent('participant_left', userId, sid, fromMin, toMin),
  ];
  const page = async (): Promise<Row[]> =>
    (
      await sut.http
        .get(`/api/sessions/${session.id}/attendance`)
        .auth(world.expert.token, { type: 'bearer' })
        .expect(200)
    ).body.items;
  const stored = async (): Promise<Map<string, { seconds: number; counted: boolean }>> => {
    const rows: { user_id: string; present_seconds: number; counted: boolean }[] = await sut.dataSource.query(
      `SELECT user_id, present_seconds, counted FROM attendance_presence WHERE session_id = $1`,
      [session.id],
    );
    return new Map(rows.map((r) => [r.user_id, { seconds: r.present_seconds, counted: r.counted }]));
  };
  /** Every person the attendance page lists with a connection has the stored presence it shows. */
  const expectStoredMatchesPage = async () => {
    const presence = await stored();
    const rows = (await page()).filter((r) => presence.has(r.userId));
    expect(rows.length).toBe(presence.size);
    for (const row of rows) {
      const seconds = presence.get(row.userId)?.seconds as number;
      expect({
        userId: row.userId,
        minutesPresent: Math.round(seconds / 60),
        percent: Math.round((seconds / 6000) * 1000) / 10,
      }).toEqual({
        userId: row.userId,
        minutesPresent: row.minutesPresent,
        percent: row.percent,
      });
    }
  };
  const overview = async () =>
    (
      await sut.http
        .get(`/api/reports/overview?centreId=${world.centreId}`)
        .auth(world.admin, { type: 'bearer' })
        .expect(200)
    ).body as {
      sessionsHeld: number;
      averageAttendancePercent: number | null;
    };

  it('stores the presence the attendance page computes, for duplicated, out-of-order and overlapping events', async () => {
    const [present, late, absent, stayer, borderline] = world.trainees;
    const events = [
      // Reconnect: the second connection's join (40) before the first's leave (45): 0–80 counts once.
      participantEvent('participant_left', present.id, 'PA_p1', 0, 45),
      participantEvent('participant_joined', present.id, 'PA_p2', 40, 40),
      participantEvent('participant_joined', present.id, 'PA_p1', 0, 0),
      participantEvent('participant_left', present.id, 'PA_p2', 40, 80),
      ...connection(late.id, 'PA_l1', 15, 70),
      ...connection(absent.id, 'PA_a1', 0, 30),
      // Never leaves: the room finishing at 90, in a later batch, ends the connection.
      participantEvent('participant_joined', stayer.id, 'PA_s1', 5, 5),
      // Joined 5 minutes early: counted from the start.
      ...connection(borderline.id, 'PA_b1', -5, 75),
      // The teacher, and someone not enrolled: stored, not counted.
      ...connection(world.expert.id, 'PA_e1', 0, 100),
      ...connection(world.outsider.id, 'PA_o1', 0, 50),
    ];
    for (const event of events) await send(event);
    // Every event delivered twice, the second time backwards.
    for (const event of [...events].reverse()) await send(event);
    await settle();
    // Until the room finishes, the open connection runs to the scheduled end.
    expect((await stored()).get(stayer.id)).toEqual({ seconds: 95 * 60, counted: true });

    await send({
      event: 'room_finished',
      id: `EV_${randomUUID()}`,
      createdAt: at(90),
      room: { sid: 'RM_1', name: session.roomName },
    });
    await settle();

    expect(await stored()).toEqual(
      new Map([
        [present.id, { seconds: 80 * 60, counted: true }],
        [late.id, { seconds: 55 * 60, counted: true }],
        [absent.id, { seconds: 30 * 60, counted: true }],
        [stayer.id, { seconds: 85 * 60, counted: true }],
        [borderline.id, { seconds: 75 * 60, counted: true }],
        [world.expert.id, { seconds: 100 * 60, counted: false }],
        [world.outsider.id, { seconds: 50 * 60, counted: false }],
      ]),
    );
    await expectStoredMatchesPage();
    // (80 + 55 + 30 + 85 + 75) / 5 enrolled trainees.
    expect(await overview()).toMatchObject({ sessionsHeld: 1, averageAttendancePercent: 65 });
  });

  it('updates the overview when a late event arrives for a person already summarised', async () => {
    const absent = world.trainees[2];
    // A second connection, 50–90, reported long after the class.
    for (const event of connection(absent.id, 'PA_a2', 50, 90)) await send(event);
    await settle();

    expect((await stored()).get(absent.id)).toEqual({ seconds: 70 * 60, counted: true });
    await expectStoredMatchesPage();
    // (80 + 55 + 70 + 85 + 75) / 5.
    expect(await overview()).toMatchObject({ averageAttendancePercent: 73 });
  });

  it('follows the enrollments and check-ins changed after the presence was stored', async () => {
    const [, late, , , borderline] = world.trainees;
    await sut.http
      .delete(`/api/cohorts/${world.cohortId}/enrollments/${late.id}`)
      .auth(world.admin, { type: 'bearer' })
      .expect(200);
    // (80 + 70 + 85 + 75) / 4: the withdrawn person no longer counts.
    expect(await overview()).toMatchObject({ averageAttendancePercent: 77.5 });

    await sut.http
      .post(`/api/cohorts/${world.cohortId}/enrollments`)
      .auth(world.admin, { type: 'bearer' })
      .send({ userId: world.outsider.id })
      .expect(201);
    // (80 + 70 + 85 + 75 + 50) / 5: enrolled now, with the presence stored before.
    expect(await overview()).toMatchObject({ averageAttendancePercent: 72 });

    await sut.http
      .post(`/api/sessions/${session.id}/attendance/check-in`)
      .auth(world.coordinator.token, { type: 'bearer' })
      .send({ userId: borderline.id })
      .expect(200);
    // (80 + 70 + 85 + 100 + 50) / 5: checked in at the centre, the whole session.
    expect(await overview()).toMatchObject({ averageAttendancePercent: 77 });
  });

  it("computes a running class's presence again when its start is moved", async () => {
    const cohortId = await world.addCohort();
    const startedAt = Math.floor((Date.now() - 60 * 60_000) / 1000) * 1000;
    const running = (
      await sut.http
        .post(`/api/cohorts/${cohortId}/sessions`)
        .auth(world.expert.token, { type: 'bearer' })
        .send({
          title: 'En cours',
          startsAt: new Date(startedAt).toISOString(),
          durationMinutes: 120,
          mode: 'remote',
        })
        .expect(201)
    ).body.items[0];
    const trainee = world.trainees[0];
    const minute = (m: number) => String(Math.floor((startedAt + m * 60_000) / 1000));
    for (const [event, m] of [
      ['participant_joined', 0],
      ['participant_left', 50],
    ] as const) {
      await send({
        event,
        id: `EV_${randomUUID()}`,
        createdAt: minute(m),
        room: { sid: 'RM_2', name: running.roomName },
        participant: { sid: 'PA_run', identity: trainee.id, joinedAt: minute(0) },
      });
    }
    await settle();
    const storedSeconds = async () =>
      (
        await sut.dataSource.query(
          `SELECT present_seconds FROM attendance_presence WHERE session_id = $1 AND user_id = $2`,
          [running.id, trainee.id],
        )
      )[0]?.present_seconds;
    expect(await storedSeconds()).toBe(50 * 60);

    // The class really began ten minutes late: presence before the new start no longer counts.
    await sut.http
      .patch(`/api/sessions/${running.id}`)
      .auth(world.expert.token, { type: 'bearer' })
      .send({ startsAt: new Date(startedAt + 10 * 60_000).toISOString() })
      .expect(200);
    expect(await storedSeconds()).toBe(40 * 60);
    const row = (
      await sut.http
        .get(`/api/sessions/${running.id}/attendance`)
        .auth(world.expert.token, { type: 'bearer' })
        .expect(200)
    ).body.items.find((r: Row) => r.userId === trainee.id);
    expect(row.minutesPresent).toBe(40);
  });
});
