import { TokenVerifier } from 'livekit-server-sdk';
import { CohortAccessService } from '@/modules/cohorts/cohort-access.service';
import { JoinContexts } from '@/modules/live/join-contexts';
import { createCohortWorld, CohortWorld } from './support/cohort-world';
import { egressIds, FakeLiveKit, LIVEKIT_KEY, LIVEKIT_SECRET } from './support/fake-livekit';
import { TestApp } from './support/test-app';

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('Live sessions: scheduling, joining, moderation, recordings (e2e)', () => {
  const livekit = new FakeLiveKit();
  let sut: TestApp;
  let world: CohortWorld;

  beforeAll(async () => {
    process.env.LIVEKIT_URL = await livekit.start();
    process.env.LIVEKIT_API_KEY = LIVEKIT_KEY;
    process.env.LIVEKIT_API_SECRET = LIVEKIT_SECRET;
    sut = await TestApp.start();
    world = await createCohortWorld(sut, 2);
  });
  afterAll(async () => {
    await sut.close();
    await livekit.stop();
    delete process.env.LIVEKIT_URL;
  });

  const schedule = (token: string, body: Record<string, unknown>, cohortId = world.cohortId) =>
    sut.http
      .post(`/api/cohorts/${cohortId}/sessions`)
      .auth(token, { type: 'bearer' })
      .send({ title: 'Train d’atterrissage', durationMinutes: 60, mode: 'remote', ...body });
  /** A session in a cohort of its own, so that sessions happening now never overlap. */
  const createAt = async (startMs: number, durationMinutes = 60) =>
    (
      await schedule(
        world.expert.token,
        { startsAt: iso(startMs), durationMinutes },
        await world.addCohort(),
      ).expect(201)
    ).body.items[0];
  const join = (sessionId: string, token: string) =>
    sut.http.post(`/api/sessions/${sessionId}/join`).auth(token, { type: 'bearer' });

  describe('scheduling', () => {
    it('stores a start given with an offset as the same instant in UTC', async () => {
      const res = await schedule(world.expert.token, { startsAt: '2031-01-15T18:00:00-05:00' }).expect(201);
      expect(res.body.items).toHaveLength(1);
      expect(res.body.items[0]).toMatchObject({
        startsAt: '2031-01-15T23:00:00.000Z',
        endsAt: '2031-01-16T00:00:00.000Z',
        status: 'scheduled',
      });
      expect(res.body.items[0].roomName).toContain(res.body.items[0].id);
    });

    it('refuses a time without an offset, and an overlapping session of the same cohort with 409', async () => {
      const bare = await schedule(world.expert.token, { startsAt: '2031-02-01T10:00:00' }).expect(400);
      expect(bare.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/offset/)]));
      await schedule(world.expert.token, { startsAt: '2031-02-01T10:00:00+01:00' }).expect(201);
      const overlap = await schedule(world.expert.token, { startsAt: '2031-02-01T09:30:00Z' }).expect(409);
      expect(overlap.body.message).toMatch(/already has a session/);
    });

    it('keeps a weekly Toronto class at 18:00 local across the March change', async () => {
      const res = await schedule(world.expert.token, {
        startsAt: '2032-03-09T18:00:00-05:00',
        repeatWeeks: 3,
        timeZone: 'America/Toronto',
      }).expect(201);
      expect(res.body.items.map((s: { startsAt: string }) => s.startsAt)).toEqual([
        '2032-03-09T23:00:00.000Z',
        '2032-03-16T22:00:00.000Z',
        '2032-03-23T22:00:00.000Z',
      ]);
      expect(new Set(res.body.items.map((s: { seriesId: string }) => s.seriesId)).size).toBe(1);
    });

    it('keeps a weekly Toronto class at 18:00 local across the November change', async () => {
      const res = await schedule(world.expert.token, {
        startsAt: '2032-11-02T18:00:00-04:00',
        repeatWeeks: 2,
        timeZone: 'America/Toronto',
      }).expect(201);
      expect(res.body.items.map((s: { startsAt: string }) => s.startsAt)).toEqual([
        '2032-11-02T22:00:00.000Z',
        '2032-11-09T23:00:00.000Z',
      ]);
    });

    // IANA tzdb 2026c and later: Morocco is at UTC+0 all year since 2026-09-20, Ramadan included.
    it('keeps a weekly Casablanca class at 10:00Z, 10:00 local, through Ramadan 2027, with its wall clock and zone', async () => {
      const res = await schedule(world.expert.token, {
        startsAt: '2027-01-12T10:00:00+00:00',
        repeatWeeks: 12,
        timeZone: 'Africa/Casablanca',
        durationMinutes: 30,
      }).expect(201);
      const items: { startsAt: string; localStart: string; timeZone: string; joinOpensAt: string }[] =
        res.body.items;
      expect(new Set(items.map((s) => s.startsAt.slice(11)))).toEqual(new Set(['10:00:00.000Z']));
      expect(items.map((s) => s.localStart)).toEqual(
        Array.from(
          { length: 12 },
          (_, week) => `${new Date(Date.UTC(2027, 0, 12 + 7 * week)).toISOString().slice(0, 10)}T10:00:00`,
        ),
      );
      expect(new Set(items.map((s) => s.timeZone))).toEqual(new Set(['Africa/Casablanca']));
      expect(items[0].joinOpensAt).toBe('2027-01-12T09:45:00.000Z');
    });

    it("keeps a single session at its teacher's wall clock when no zone is given, also when an admin schedules it", async () => {
      // The expert lives in Toronto: 2031-06-03T22:00Z is 18:00 there (EDT, UTC-4).
      // The admin lives in Casablanca, but the class keeps its teacher's clock.
      const byAdmin = await schedule(world.admin, { startsAt: '2031-07-01T22:00:00Z' }).expect(201);
      expect(byAdmin.body.items[0]).toMatchObject({
        localStart: '2031-07-01T18:00:00',
        timeZone: 'America/Toronto',
      });
      const res = await schedule(world.expert.token, { startsAt: '2031-06-03T22:00:00Z' }).expect(201);
      expect(res.body.items[0]).toMatchObject({
        startsAt: '2031-06-03T22:00:00.000Z',
        localStart: '2031-06-03T18:00:00',
        timeZone: 'America/Toronto',
      });
      const moved = await sut.http
        .patch(`/api/sessions/${res.body.items[0].id}`)
        .auth(world.expert.token, { type: 'bearer' })
        .send({ startsAt: '2031-06-04T10:00:00+00:00', timeZone: 'Africa/Casablanca' })
        .expect(200);
      expect(moved.body).toMatchObject({
        startsAt: '2031-06-04T10:00:00.000Z',
        localStart: '2031-06-04T10:00:00',
        timeZone: 'Africa/Casablanca',
      });
    });

    it('requires timeZone with repeatWeeks, and lets only teachers and admins schedule', async () => {
      await schedule(world.expert.token, { startsAt: '2031-03-01T10:00:00Z', repeatWeeks: 2 }).expect(400);
      await schedule(world.trainees[0].token, { startsAt: '2031-03-01T10:00:00Z' }).expect(403);
      await schedule(world.outsider.token, { startsAt: '2031-03-01T10:00:00Z' }).expect(404);
      await schedule(world.admin, { startsAt: '2031-03-02T10:00:00Z' }).expect(201);
    });

    it("shows each person's schedule: the trainee theirs, the outsider nothing", async () => {
      const session = (await schedule(world.expert.token, { startsAt: '2031-04-01T10:00:00Z' }).expect(201))
        .body.items[0];
      const mine = await sut.http
        .get('/api/sessions')
        .query({ from: '2031-04-01T00:00:00Z', to: '2031-04-02T00:00:00Z' })
        .auth(world.trainees[0].token, { type: 'bearer' })
        .expect(200);
      expect(mine.body.items.map((s: { id: string }) => s.id)).toEqual([session.id]);
      const theirs = await sut.http
        .get('/api/sessions')
        .query({ from: '2031-04-01T00:00:00Z' })
        .auth(world.outsider.token, { type: 'bearer' })
        .expect(200);
      expect(theirs.body).toEqual({ items: [], total: 0 });
      await sut.http
        .get(`/api/sessions/${session.id}`)
        .auth(world.outsider.token, { type: 'bearer' })
        .expect(404);
    });

    it('queues a notice to the enrolled when a session moves or is cancelled', async () => {
      const session = await createAt(Date.parse('2031-05-01T10:00:00Z'));
      await sut.http
        .patch(`/api/sessions/${session.id}`)
        .auth(world.expert.token, { type: 'bearer' })
        .send({ startsAt: '2031-05-02T10:00:00Z' })
        .expect(200);
      await sut.http
        .post(`/api/sessions/${session.id}/cancel`)
        .auth(world.coordinator.token, { type: 'bearer' })
        .expect(200);
      const jobs = await sut.mailQueue.getJobs(['waiting', 'delayed']);
      const forSession = jobs.filter((j) => j.id?.includes(session.id));
      const recipients = (template: string) =>
        forSession
          .filter((j) => j.data.template === template)
          .map((j) => j.data.to)
          .sort();
      const expected = [...world.trainees.map((t) => t.email), world.expert.email].sort();
      expect(recipients('session-rescheduled')).toEqual(expected);
      expect(recipients('session-cancelled')).toEqual(expected);
      await sut.http
        .post(`/api/sessions/${session.id}/cancel`)
        .auth(world.expert.token, { type: 'bearer' })
        .expect(410);
    });

    it('gives each change of a session a higher .ics SEQUENCE, even two changes within one second', async () => {
      const session = await createAt(Date.parse('2031-05-20T10:00:00Z'));
      for (const startsAt of ['2031-05-21T10:00:00Z', '2031-05-22T10:00:00Z']) {
        await sut.http
          .patch(`/api/sessions/${session.id}`)
          .auth(world.expert.token, { type: 'bearer' })
          .send({ startsAt })
          .expect(200);
      }
      await sut.http
        .post(`/api/sessions/${session.id}/cancel`)
        .auth(world.expert.token, { type: 'bearer' })
        .expect(200);
      const jobs = (await sut.mailQueue.getJobs(['waiting', 'delayed'])).filter(
        (j) => j.data.to === world.trainees[0].email && j.data.calendars?.[0].sessionId === session.id,
      );
      const invites = jobs
        .map((j) => j.data.calendars?.[0])
        .sort((a, b) => (a?.sequence ?? 0) - (b?.sequence ?? 0));
      expect(invites.map((invite) => [invite?.method, invite?.sequence, invite?.startsAt])).toEqual([
        // The invitation sent when the session was created.
        ['REQUEST', 0, '2031-05-20T10:00:00.000Z'],
        ['REQUEST', 1, '2031-05-21T10:00:00.000Z'],
        ['REQUEST', 2, '2031-05-22T10:00:00.000Z'],
        ['CANCEL', 3, '2031-05-22T10:00:00.000Z'],
      ]);
    });
  });

  describe('joining', () => {
    it('answers 425 with opensAt before the window, 200 inside it, 410 after the end and when cancelled', async () => {
      const early = await createAt(Date.now() + 60 * MINUTE);
      const before = await join(early.id, world.trainees[0].token).expect(425);
      const opensAt = iso(Date.parse(early.startsAt) - 15 * MINUTE);
      // The code is what the web translates; opensAt stays at the top level where the contract put it.
      expect(before.body).toMatchObject({ code: 'join-window-not-open', opensAt, details: { opensAt } });

      const soon = await createAt(Date.now() + 10 * MINUTE);
      const inside = await join(soon.id, world.trainees[0].token).expect(200);
      expect(inside.body).toMatchObject({ serverUrl: livekit.url, role: 'trainee' });

      const past = await createAt(Date.now() - 3 * 60 * MINUTE);
      expect((await join(past.id, world.trainees[0].token).expect(410)).body.code).toBe('session-ended');

      const cancelled = await createAt(Date.now() + 5 * 60 * MINUTE);
      await sut.http
        .post(`/api/sessions/${cancelled.id}/cancel`)
        .auth(world.expert.token, { type: 'bearer' })
        .expect(200);
      const gone = await join(cancelled.id, world.trainees[0].token).expect(410);
      expect(gone.body).toMatchObject({ code: 'session-cancelled', message: 'This session was cancelled' });
    });

    it('gives each role its grants, a short-lived token, and creates the room once with a participant limit', async () => {
      const session = await createAt(Date.now() - 5 * MINUTE, 120);
      const verifier = new TokenVerifier(LIVEKIT_KEY, LIVEKIT_SECRET);
      const claimsOf = async (token: string) =>
        verifier.verify((await join(session.id, token).expect(200)).body.token);

      const host = await claimsOf(world.expert.token);
      expect(host.sub).toBe(world.expert.id);
      expect(JSON.parse(host.metadata as string)).toMatchObject({ role: 'host' });
      // Exactly these grants: roomRecord would let a host record, stream or stop any room of the server.
      expect(host.video).toEqual({
        room: session.roomName,
        roomJoin: true,
        roomAdmin: true,
        canPublish: true,
        canSubscribe: true,
        canPublishData: true,
      });

      const trainee = await claimsOf(world.trainees[0].token);
      expect(trainee.name).toMatch(/^Trainee 1/);
      expect(trainee.video).toEqual({
        room: session.roomName,
        roomJoin: true,
        canSubscribe: true,
        canPublish: true,
        canPublishData: true,
        canPublishSources: ['microphone', 'camera'],
      });
      expect((trainee.exp as number) - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(5 * 60);

      for (const observer of [world.coordinator.token, world.admin]) {
        const claims = await claimsOf(observer);
        expect(claims.video).toEqual({
          room: session.roomName,
          roomJoin: true,
          canSubscribe: true,
          canPublish: false,
          canPublishData: false,
          hidden: true,
        });
        expect(JSON.parse(claims.metadata as string)).toMatchObject({ role: 'observer' });
      }

      await join(session.id, world.outsider.token).expect(403);
      const rooms = livekit.calls('CreateRoom').filter((c) => c.body.name === session.roomName);
      expect(rooms).toHaveLength(1);
      expect(rooms[0].body).toMatchObject({ maxParticipants: 30 + 1 + 10, emptyTimeout: 600 });
    });

    it('refuses a teacher removing an admin or a coordinator, who observe the class; an admin may', async () => {
      const session = await createAt(Date.now() - 5 * MINUTE, 120);
      const adminId = (await sut.http.get('/api/me').auth(world.admin, { type: 'bearer' }).expect(200)).body
        .id;
      for (const observer of [world.coordinator.id, adminId]) {
        const refused = await sut.http
          .post(`/api/sessions/${session.id}/participants/${observer}/remove`)
          .auth(world.expert.token, { type: 'bearer' })
          .expect(403);
        expect(refused.body.message).toMatch(/cannot remove an admin or a coordinator/);
      }
      await join(session.id, world.coordinator.token).expect(200);
      expect(livekit.calls('RemoveParticipant').filter((c) => c.body.room === session.roomName)).toEqual([]);
      await sut.http
        .post(`/api/sessions/${session.id}/participants/${world.coordinator.id}/remove`)
        .auth(world.admin, { type: 'bearer' })
        .expect(200);
      expect(livekit.calls('RemoveParticipant').filter((c) => c.body.room === session.roomName)).toHaveLength(
        1,
      );
      await join(session.id, world.coordinator.token).expect(403);
    });

    it('refuses a removed person new tokens until the host readmits them', async () => {
      const session = await createAt(Date.now() - 5 * MINUTE, 120);
      const trainee = world.trainees[1];
      await join(session.id, trainee.token).expect(200);
      const removed = await sut.http
        .post(`/api/sessions/${session.id}/participants/${trainee.id}/remove`)
        .auth(world.expert.token, { type: 'bearer' })
        .expect(200);
      expect(removed.body).toEqual({ appliedInRoom: true });
      expect(livekit.calls('RemoveParticipant').at(-1)?.body).toEqual({
        room: session.roomName,
        identity: trainee.id,
      });
      const refused = await join(session.id, trainee.token).expect(403);
      expect(refused.body.message).toMatch(/removed you/);
      await sut.http
        .post(`/api/sessions/${session.id}/participants/${trainee.id}/remove`)
        .auth(world.trainees[0].token, { type: 'bearer' })
        .expect(403);
      await sut.http
        .post(`/api/sessions/${session.id}/participants/${trainee.id}/readmit`)
        .auth(world.expert.token, { type: 'bearer' })
        .expect(200);
      await join(session.id, trainee.token).expect(200);
    });

    it("keeps one copy of a class's join rules per process, and replaces it once the class changes", async () => {
      const session = await createAt(Date.now() - 5 * MINUTE, 120);
      const contexts = sut.app.get(JoinContexts);
      const first = await contexts.current(session.id);
      expect(first?.trainees.has(world.trainees[0].id)).toBe(true);
      expect(await contexts.current(session.id)).toBe(first);
      await sut.app.get(CohortAccessService).accessChanged(session.cohortId);
      const second = await contexts.current(session.id);
      expect(second).not.toBe(first);
      expect(second?.trainees.has(world.trainees[0].id)).toBe(true);
    });

    it('refuses at once what changed after joins were answered from the copy: withdrawal, reschedule, cancellation', async () => {
      const session = await createAt(Date.now() - 5 * MINUTE, 120);
      const [stays, leaves] = world.trainees;
      for (const trainee of [stays, leaves, stays, leaves]) await join(session.id, trainee.token).expect(200);

      await sut.http
        .delete(`/api/cohorts/${session.cohortId}/enrollments/${leaves.id}`)
        .auth(world.admin, { type: 'bearer' })
        .expect(200);
      await join(session.id, leaves.token).expect(403);
      await join(session.id, stays.token).expect(200);

      const later = iso(Date.now() + 3 * 60 * MINUTE);
      await sut.http
        .patch(`/api/sessions/${session.id}`)
        .auth(world.expert.token, { type: 'bearer' })
        .send({ startsAt: later })
        .expect(200);
      await join(session.id, stays.token).expect(425);

      await sut.http
        .post(`/api/sessions/${session.id}/cancel`)
        .auth(world.expert.token, { type: 'bearer' })
        .expect(200);
      await join(session.id, stays.token).expect(410);
    });

    it('mutes a microphone through LiveKit', async () => {
      const session = await createAt(Date.now() - 5 * MINUTE, 120);
      livekit.answers.GetParticipant = {
        identity: world.trainees[0].id,
        tracks: [{ sid: 'TR_mic', type: 'AUDIO', muted: false }],
      };
      const res = await sut.http
        .post(`/api/sessions/${session.id}/participants/${world.trainees[0].id}/mute`)
        .auth(world.expert.token, { type: 'bearer' })
        .expect(200);
      expect(res.body).toEqual({ appliedInRoom: true });
      expect(livekit.calls('MutePublishedTrack').at(-1)?.body).toMatchObject({
        room: session.roomName,
        trackSid: 'TR_mic',
        muted: true,
      });
    });
  });

  describe('recordings', () => {
    it('lets the host start and stop a room-composite recording that members can list and outsiders cannot', async () => {
      const session = await createAt(Date.now() - 5 * MINUTE, 120);
      livekit.answers.StartRoomCompositeEgress = egressIds(`EG_${session.id}`);
      await sut.http
        .post(`/api/sessions/${session.id}/recording/start`)
        .auth(world.trainees[0].token, { type: 'bearer' })
        .expect(403);
      const started = await sut.http
        .post(`/api/sessions/${session.id}/recording/start`)
        .auth(world.expert.token, { type: 'bearer' })
        .expect(200);
      expect(started.body).toMatchObject({ status: 'active' });
      expect(livekit.calls('StartRoomCompositeEgress').at(-1)?.body).toMatchObject({
        roomName: session.roomName,
      });
      await sut.http
        .post(`/api/sessions/${session.id}/recording/start`)
        .auth(world.expert.token, { type: 'bearer' })
        .expect(409);
      await sut.http
        .post(`/api/sessions/${session.id}/recording/stop`)
        .auth(world.admin, { type: 'bearer' })
        .expect(200);
      expect(
        livekit
          .calls('StopEgress')
          .slice(-2)
          .map((c) => c.body),
      ).toEqual([{ egressId: `EG_${session.id}` }, { egressId: `EG_${session.id}_audio` }]);
      const listed = await sut.http
        .get(`/api/sessions/${session.id}/recordings`)
        .auth(world.trainees[0].token, { type: 'bearer' })
        .expect(200);
      expect(listed.body.items).toEqual([
        expect.objectContaining({ status: 'ended', durationSeconds: expect.any(Number) }),
      ]);
      await sut.http
        .get(`/api/sessions/${session.id}/recordings`)
        .auth(world.outsider.token, { type: 'bearer' })
        .expect(404);
    });

    it('answers 503 with a clear message when LiveKit cannot be reached, and joining still works', async () => {
      const session = await createAt(Date.now() - 5 * MINUTE, 120);
      await livekit.stop();
      try {
        const res = await sut.http
          .post(`/api/sessions/${session.id}/recording/start`)
          .auth(world.expert.token, { type: 'bearer' })
          .expect(503);
        expect(res.body).toMatchObject({ statusCode: 503, message: expect.stringMatching(/video service/i) });
        const removed = await sut.http
          .post(`/api/sessions/${session.id}/participants/${world.trainees[0].id}/remove`)
          .auth(world.expert.token, { type: 'bearer' })
          .expect(200);
        expect(removed.body).toEqual({ appliedInRoom: false });
        await join(session.id, world.trainees[0].token).expect(403);
        await join(session.id, world.trainees[1].token).expect(200);
      } finally {
        await livekit.restart();
      }
    });
  });
});
