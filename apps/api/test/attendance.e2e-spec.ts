import { randomUUID } from 'node:crypto';
import type { CohortWorld } from './support/cohort-world';
import { FakeLiveKit, signWebhook } from './support/fake-livekit';
import { classEvents, HeldClass, startHeldClass, stopHeldClass } from './support/held-class';
import { TestApp } from './support/test-app';

interface Row {
  userId: string;
  minutesPresent: number;
  percent: number;
  status: string | null;
  source: string;
  correctionReason: string | null;
}

/** LiveKit webhooks → inbox → worker → attendance, with the faults real webhooks have. */
describe('Webhooks and attendance (e2e)', () => {
  let held: HeldClass;
  let livekit: FakeLiveKit;
  let sut: TestApp;
  let world: CohortWorld;
  let session: HeldClass['session'];

  beforeAll(async () => {
    held = await startHeldClass('Circuits hydrauliques');
    ({ livekit, sut, world, session } = held);
  });
  afterAll(() => stopHeldClass(held));

  const { at, participantEvent, send, settle } = classEvents(() => held);
  const attendance = async (): Promise<Map<string, Row>> => {
    const res = await sut.http
      .get(`/api/sessions/${session.id}/attendance`)
      .auth(world.expert.token, { type: 'bearer' })
      .expect(200);
    return new Map(res.body.items.map((r: Row) => [r.userId, r]));
  };

  it('refuses a bad signature with 401 and stores nothing', async () => {
    const body = JSON.stringify(participantEvent('participant_joined', world.trainees[0].id, 'PA_bad', 0, 0));
    const forged = await signWebhook(body, 'another-secret-that-is-long-enough-xx');
    await sut.http
      .post('/api/livekit/webhook')
      .set('content-type', 'application/webhook+json')
      .set('authorization', forged)
      .send(body)
      .expect(401);
    await sut.http
      .post('/api/livekit/webhook')
      .set('content-type', 'application/webhook+json')
      .send(body)
      .expect(401);
    const tampered = await signWebhook(body);
    await sut.http
      .post('/api/livekit/webhook')
      .set('content-type', 'application/webhook+json')
      .set('authorization', tampered)
      .send(body.replace('PA_bad', 'PA_evil'))
      .expect(401);
    expect(
      await sut.dataSource.query(
        `SELECT id FROM livekit_webhook_events WHERE payload::text LIKE '%PA_bad%' OR payload::text LIKE '%PA_evil%'`,
      ),
    ).toEqual([]);
  });

  it('turns duplicated, out-of-order and overlapping events into the same attendance, at the thresholds', async () => {
    const [present, late, absent, stayer, borderline] = world.trainees;
    const events = [
      // Reconnect: the second connection's join (40) arrives before the first's leave (45): 0–80 counts once.
      participantEvent('participant_left', present.id, 'PA_p1', 0, 45),
      participantEvent('participant_joined', present.id, 'PA_p2', 40, 40),
      participantEvent('participant_joined', present.id, 'PA_p1', 0, 0),
      participantEvent('participant_left', present.id, 'PA_p2', 40, 80),
      // 15 minutes late, 55 % present: late.
      participantEvent('participant_joined', late.id, 'PA_l1', 15, 15),
      participantEvent('participant_left', late.id, 'PA_l1', 15, 70),
      // 30 % present: absent.
      participantEvent('participant_joined', absent.id, 'PA_a1', 0, 0),
      participantEvent('participant_left', absent.id, 'PA_a1', 0, 30),
      // Never leaves: room_finished (below) closes the connection at 90.
      participantEvent('participant_joined', stayer.id, 'PA_s1', 5, 5),
      // Exactly 75 %: present.
      participantEvent('participant_joined', borderline.id, 'PA_b1', 10, 10),
      participantEvent('participant_left', borderline.id, 'PA_b1', 10, 85),
    ];
    for (const event of events) await send(event);
    // Every event delivered twice, as LiveKit retries do.
    for (const event of events) await send(event);
    const finished = {
      event: 'room_finished',
      id: `EV_${randomUUID()}`,
      createdAt: at(90),
      room: { sid: 'RM_1', name: session.roomName },
    };
    await send(finished);
    await settle();

    const rows = await attendance();
    expect(rows.get(present.id)).toMatchObject({
      minutesPresent: 80,
      percent: 80,
      status: 'present',
      source: 'live',
    });
    expect(rows.get(late.id)).toMatchObject({ minutesPresent: 55, status: 'late' });
    expect(rows.get(absent.id)).toMatchObject({ minutesPresent: 30, status: 'absent' });
    expect(rows.get(stayer.id)).toMatchObject({ minutesPresent: 85, status: 'present' });
    expect(rows.get(borderline.id)).toMatchObject({ minutesPresent: 75, percent: 75, status: 'present' });
    expect(
      await sut.dataSource.query(
        `SELECT count(*)::int AS n FROM livekit_webhook_events WHERE room_name = $1`,
        [session.roomName],
      ),
    ).toEqual([{ n: events.length + 1 }]);

    // A replay of the whole stream after room_finished changes nothing.
    for (const event of [...events].reverse()) await send(event);
    await send(finished);
    await settle();
    expect(await attendance()).toEqual(rows);
  });

  it('keeps events for rooms the platform does not know, and ignores them', async () => {
    const event = participantEvent(
      'participant_joined',
      world.trainees[0].id,
      'PA_x',
      0,
      0,
      'some-other-room',
    );
    await send(event);
    await settle();
    const [stored] = await sut.dataSource.query(
      `SELECT room_name, note, processed_at FROM livekit_webhook_events WHERE id = $1`,
      [event.id],
    );
    expect(stored).toMatchObject({ room_name: 'some-other-room', note: 'room unknown to the platform' });
    expect(stored.processed_at).not.toBeNull();
  });

  it('records a correction with who, when and why, and writes it to the audit log', async () => {
    const absent = world.trainees[2];
    await sut.http
      .put(`/api/sessions/${session.id}/attendance/${absent.id}`)
      .auth(world.trainees[0].token, { type: 'bearer' })
      .send({ status: 'excused', reason: 'Certificat médical' })
      .expect(403);
    await sut.http
      .put(`/api/sessions/${session.id}/attendance/${absent.id}`)
      .auth(world.expert.token, { type: 'bearer' })
      .send({ status: 'excused' })
      .expect(400);
    const res = await sut.http
      .put(`/api/sessions/${session.id}/attendance/${absent.id}`)
      .auth(world.expert.token, { type: 'bearer' })
      .send({ status: 'excused', reason: 'Certificat médical' })
      .expect(200);
    expect(res.body).toMatchObject({
      status: 'excused',
      source: 'manual',
      correctionReason: 'Certificat médical',
      correctedBy: world.expert.id,
      correctedByName: 'Test expert',
      minutesPresent: 30,
    });
    const audit = await sut.http
      .get('/api/audit')
      .query({ entity: 'session', entityId: session.id })
      .auth(world.admin, { type: 'bearer' })
      .expect(200);
    expect(audit.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'attendance.correct',
          actorId: world.expert.id,
          reason: 'Certificat médical',
        }),
      ]),
    );
  });

  it('lets the centre coordinator check people in at a hybrid session: present in person', async () => {
    const absentee = world.trainees[3];
    await sut.http
      .post(`/api/sessions/${session.id}/attendance/check-in`)
      .auth(world.expert.token, { type: 'bearer' })
      .send({ userId: absentee.id })
      .expect(403);
    await sut.http
      .post(`/api/sessions/${session.id}/attendance/check-in`)
      .auth(world.coordinator.token, { type: 'bearer' })
      .send({ userId: world.outsider.id })
      .expect(400);
    const res = await sut.http
      .post(`/api/sessions/${session.id}/attendance/check-in`)
      .auth(world.coordinator.token, { type: 'bearer' })
      .send({ userId: absentee.id })
      .expect(200);
    expect(res.body).toMatchObject({ status: 'present', source: 'in_person', percent: 100 });
  });

  it('takes no attendance before the start, and calls nobody absent before the end', async () => {
    const schedule = async (startsAt: number, title: string) =>
      (
        await sut.http
          .post(`/api/cohorts/${world.cohortId}/sessions`)
          .auth(world.expert.token, { type: 'bearer' })
          .send({ title, startsAt: new Date(startsAt).toISOString(), durationMinutes: 60, mode: 'hybrid' })
          .expect(201)
      ).body.items[0].id as string;
    const rowsOf = async (sessionId: string) =>
      (
        await sut.http
          .get(`/api/sessions/${sessionId}/attendance`)
          .auth(world.expert.token, { type: 'bearer' })
          .expect(200)
      ).body.items as Row[];
    const trainee = world.trainees[1];
    const upcoming = await schedule(Date.now() + 2 * 24 * 3_600_000, 'Freinage, la suite');
    const correction = await sut.http
      .put(`/api/sessions/${upcoming}/attendance/${trainee.id}`)
      .auth(world.expert.token, { type: 'bearer' })
      .send({ status: 'excused', reason: 'Prévenu à l’avance' })
      .expect(409);
    expect(correction.body.code).toBe('session-not-started');
    const checkIn = await sut.http
      .post(`/api/sessions/${upcoming}/attendance/check-in`)
      .auth(world.coordinator.token, { type: 'bearer' })
      .send({ userId: trainee.id })
      .expect(409);
    expect(checkIn.body.code).toBe('session-not-started');
    const before = await rowsOf(upcoming);
    expect(before).toHaveLength(world.trainees.length);
    expect(before.map((row) => row.status)).toEqual(before.map(() => null));

    // Started ten minutes ago: corrections and check-ins are taken, the others are not absent yet.
    const running = await schedule(Date.now() - 10 * 60_000, 'Freinage, en cours');
    await sut.http
      .put(`/api/sessions/${running}/attendance/${trainee.id}`)
      .auth(world.expert.token, { type: 'bearer' })
      .send({ status: 'excused', reason: 'Rendez-vous médical' })
      .expect(200);
    await sut.http
      .post(`/api/sessions/${running}/attendance/check-in`)
      .auth(world.coordinator.token, { type: 'bearer' })
      .send({ userId: world.trainees[2].id })
      .expect(200);
    const during = new Map((await rowsOf(running)).map((row) => [row.userId, row]));
    expect(during.get(trainee.id)).toMatchObject({ status: 'excused', source: 'manual' });
    expect(during.get(world.trainees[2].id)).toMatchObject({ status: 'present', source: 'in_person' });
    for (const other of [world.trainees[0], ...world.trainees.slice(3)])
      expect(during.get(other.id)).toMatchObject({ status: null, source: 'live' });
  });

  it('shows attendance to the cohort staff only', async () => {
    await sut.http
      .get(`/api/sessions/${session.id}/attendance`)
      .auth(world.trainees[0].token, { type: 'bearer' })
      .expect(403);
    await sut.http
      .get(`/api/sessions/${session.id}/attendance`)
      .auth(world.outsider.token, { type: 'bearer' })
      .expect(404);
    await sut.http
      .get(`/api/sessions/${session.id}/attendance`)
      .auth(world.coordinator.token, { type: 'bearer' })
      .expect(200);
  });

  it('takes a removed person out again when they rejoin with a token from before the removal, and audits it', async () => {
    const removed = world.trainees[4];
    await sut.http
      .post(`/api/sessions/${session.id}/participants/${removed.id}/remove`)
      .auth(world.expert.token, { type: 'bearer' })
      .expect(200);
    const removals = () =>
      livekit
        .calls('RemoveParticipant')
        .filter((c) => c.body.room === session.roomName && c.body.identity === removed.id);
    expect(removals()).toHaveLength(1);
    await send(participantEvent('participant_joined', removed.id, 'PA_back', 10, 10));
    await settle();
    for (let i = 0; i < 50 && removals().length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    expect(removals()).toHaveLength(2);
    const audit = (
      await sut.http
        .get('/api/audit')
        .query({ entity: 'session', entityId: session.id })
        .auth(world.admin, { type: 'bearer' })
        .expect(200)
    ).body.items;
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'room.removed-again',
          actorId: null,
          data: { userId: removed.id, appliedInRoom: true },
        }),
      ]),
    );
    // Someone never removed who joins is left alone.
    await send(participantEvent('participant_joined', world.trainees[3].id, 'PA_stay', 10, 10));
    await settle();
    await new Promise((r) => setTimeout(r, 500)); // as long as the removal above took at most
    expect(
      livekit.calls('RemoveParticipant').filter((c) => c.body.identity === world.trainees[3].id),
    ).toEqual([]);
  });
});
