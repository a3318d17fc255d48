import { strFromU8, unzipSync } from 'fflate';
import type { AddressInfo } from 'node:net';
import type { Response } from 'superagent';
import { NotificationsService } from '@/modules/notifications/notifications.service';
import { createCohortWorld, CohortWorld } from './support/cohort-world';
import { EventStreamClient } from './support/event-stream';
import { FakeLiveKit, LIVEKIT_KEY, LIVEKIT_SECRET } from './support/fake-livekit';
import { TestApp, type TestUser } from './support/test-app';

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
/** LiveKit's DataPacket_Kind.RELIABLE, as the Twirp JSON names it. */
const RELIABLE = 'RELIABLE';

function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('Class chat kept with the session, and the bell stream (e2e)', () => {
  const livekit = new FakeLiveKit();
  let sut: TestApp;
  let world: CohortWorld;
  let baseUrl: string;
  const streams: EventStreamClient[] = [];

  beforeAll(async () => {
    process.env.LIVEKIT_URL = await livekit.start();
    process.env.LIVEKIT_API_KEY = LIVEKIT_KEY;
    process.env.LIVEKIT_API_SECRET = LIVEKIT_SECRET;
    sut = await TestApp.start();
    await sut.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(sut.app.getHttpServer().address() as AddressInfo).port}`;
    world = await createCohortWorld(sut, 2);
  });
  afterAll(async () => {
    await Promise.all(streams.map((s) => s.close()));
    await sut.close();
    await livekit.stop();
    delete process.env.LIVEKIT_URL;
  });

  /** A session of a cohort of its own (sessions of one cohort may not overlap). */
  const sessionAt = async (startMs: number, durationMinutes = 60) =>
    (
      await sut.http
        .post(`/api/cohorts/${await world.addCohort()}/sessions`)
        .auth(world.expert.token, { type: 'bearer' })
        .send({ title: 'Chat de classe', startsAt: iso(startMs), durationMinutes, mode: 'remote' })
        .expect(201)
    ).body.items[0] as { id: string; roomName: string };
  const post = (sessionId: string, token: string, body: object) =>
    sut.http.post(`/api/sessions/${sessionId}/chat`).auth(token, { type: 'bearer' }).send(body);
  const read = (sessionId: string, token: string, query = '') =>
    sut.http.get(`/api/sessions/${sessionId}/chat${query}`).auth(token, { type: 'bearer' });
  const endNow = (sessionId: string) =>
    sut.dataSource.query(
      `UPDATE live_sessions SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = $1`,
      [sessionId],
    );

  describe('chat', () => {
    it('stores a trainee’s message, relays it to the room, and lets the cohort read it after class', async () => {
      const session = await sessionAt(Date.now() - 5 * MINUTE);
      const [trainee, other] = world.trainees;
      const sent = await post(session.id, trainee.token, { text: '  سؤال: متى الاختبار؟  ' }).expect(201);
      expect(sent.body).toMatchObject({
        sessionId: session.id,
        authorId: trainee.id,
        text: 'سؤال: متى الاختبار؟',
        deletedAt: null,
      });
      expect(sent.body.authorName).toMatch(/^Trainee 1 /);
      const reply = await post(session.id, world.expert.token, { text: 'Vendredi, 10 h.' }).expect(201);

      const relayed = livekit.dataMessages('chat').filter((m) => m.room === session.roomName);
      expect(relayed).toEqual([
        {
          room: session.roomName,
          topic: 'chat',
          kind: RELIABLE,
          payload: {
            id: sent.body.id,
            authorId: trainee.id,
            name: sent.body.authorName,
            text: 'سؤال: متى الاختبار؟',
            sentAt: sent.body.sentAt,
          },
        },
        expect.objectContaining({
          payload: expect.objectContaining({ id: reply.body.id, text: 'Vendredi, 10 h.' }),
        }),
      ]);

      await endNow(session.id);
      const after = await read(session.id, other.token).expect(200);
      expect(after.headers['cache-control']).toBe('no-store');
      expect(after.body.total).toBe(2);
      expect(after.body.items.map((m: { text: string }) => m.text)).toEqual([
        'سؤال: متى الاختبار؟',
        'Vendredi, 10 h.',
      ]);
      const paged = await read(session.id, world.coordinator.token, '?page=2&pageSize=1').expect(200);
      expect(paged.body).toMatchObject({ total: 2, items: [{ id: reply.body.id }] });
      // After class nobody writes any more.
      const late = await post(session.id, trainee.token, { text: 'Merci !' }).expect(410);
      expect(late.body.code).toBe('session-ended');
    });

    it('answers 404 to someone outside the cohort, and refuses them a message', async () => {
      const session = await sessionAt(Date.now() - 5 * MINUTE);
      const res = await read(session.id, world.outsider.token).expect(404);
      expect(res.body.code).toBe('session-not-found');
      await post(session.id, world.outsider.token, { text: 'Bonjour' }).expect(403);
      expect((await read(session.id, world.admin).expect(200)).body.total).toBe(0);
    });

    it('lets observers (the coordinator, admins) read but not write, and nobody before the room opens', async () => {
      const live = await sessionAt(Date.now() - 5 * MINUTE);
      for (const token of [world.coordinator.token, world.admin]) {
        const res = await post(live.id, token, { text: 'Observation' }).expect(403);
        expect(res.body.code).toBe('chat-read-only');
      }
      const later = await sessionAt(Date.now() + 3 * 60 * MINUTE);
      const early = await post(later.id, world.trainees[0].token, { text: 'Trop tôt' }).expect(425);
      expect(early.body.code).toBe('join-window-not-open');
    });

    it('refuses blank, too long and unknown-field messages with 400, and a flood with 429', async () => {
      const session = await sessionAt(Date.now() - 5 * MINUTE);
      const token = world.trainees[1].token;
      await post(session.id, token, { text: '   ' }).expect(400);
      await post(session.id, token, { text: 'x'.repeat(2001) }).expect(400);
      await post(session.id, token, { text: 'ok', html: '<b>' }).expect(400);
      await post(session.id, token, { text: 'x'.repeat(2000) }).expect(201);
      for (let i = 1; i < 10; i++) await post(session.id, token, { text: `message ${i}` }).expect(201);
      const flood = await post(session.id, token, { text: 'one too many' }).expect(429);
      expect(flood.body.code).toBe('too-many-chat-messages');
      expect(Number(flood.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('lets a host delete a message: shown as deleted to everyone, relayed, audited; trainees cannot', async () => {
      const session = await sessionAt(Date.now() - 5 * MINUTE);
      const [trainee, other] = world.trainees;
      const message = (await post(session.id, trainee.token, { text: 'Hors sujet' }).expect(201)).body;
      const remove = (token: string, id = message.id) =>
        sut.http.delete(`/api/sessions/${session.id}/chat/${id}`).auth(token, { type: 'bearer' });

      expect((await remove(other.token).expect(403)).body.code).toBe('not-in-cohort');
      await remove(world.expert.token).expect(204);
      await remove(world.admin).expect(204);
      await remove(world.expert.token, '6f1c2a4e-0000-4000-8000-000000000001').expect(404);

      const list = (await read(session.id, other.token).expect(200)).body;
      // The list tells each reader whether they may delete: the cohort's hosts, not its trainees or observers.
      expect(list.canDelete).toBe(false);
      expect((await read(session.id, world.expert.token).expect(200)).body.canDelete).toBe(true);
      expect((await read(session.id, world.admin).expect(200)).body.canDelete).toBe(true);
      expect((await read(session.id, world.coordinator.token).expect(200)).body.canDelete).toBe(false);
      expect(list.items).toEqual([
        expect.objectContaining({ id: message.id, text: null, deletedAt: expect.any(String) }),
      ]);
      expect(livekit.dataMessages('chat-deleted')).toContainEqual({
        room: session.roomName,
        topic: 'chat-deleted',
        kind: RELIABLE,
        payload: { id: message.id, deletedAt: list.items[0].deletedAt },
      });
      const audit = (
        await sut.http
          .get(`/api/audit?entity=session&entityId=${session.id}`)
          .auth(world.admin, { type: 'bearer' })
          .expect(200)
      ).body;
      const deletions = audit.items.filter((e: { action: string }) => e.action === 'chat.message-deleted');
      expect(deletions).toEqual([
        expect.objectContaining({
          actorId: world.expert.id,
          data: expect.objectContaining({ messageId: message.id, authorId: trainee.id }),
        }),
      ]);
    });

    it('puts a person’s messages in their data export, and takes their words out when they are erased', async () => {
      const session = await sessionAt(Date.now() - 5 * MINUTE);
      const person: TestUser = await sut.createUser('trainee', { centreId: world.centreId });
      const cohortId = (
        await sut.dataSource.query(`SELECT cohort_id FROM live_sessions WHERE id = $1`, [session.id])
      )[0].cohort_id as string;
      await sut.http
        .post(`/api/cohorts/${cohortId}/enrollments`)
        .auth(world.admin, { type: 'bearer' })
        .send({ userId: person.id })
        .expect(201);
      await post(session.id, person.token, { text: 'Mon numéro : 06 12 34 56 78' }).expect(201);

      const zip = await sut.http
        .get('/api/me/export')
        .auth(person.token, { type: 'bearer' })
        .buffer(true)
        .parse(binary)
        .expect(200);
      const data = JSON.parse(strFromU8(unzipSync(new Uint8Array(zip.body as Buffer))['data.json']));
      expect(data.chatMessages).toEqual([
        expect.objectContaining({
          sessionId: session.id,
          text: 'Mon numéro : 06 12 34 56 78',
          deletedAt: null,
        }),
      ]);

      await sut.http
        .post(`/api/users/${person.id}/erase`)
        .auth(world.admin, { type: 'bearer' })
        .send({ reason: 'asked' })
        .expect(202);
      const list = (await read(session.id, world.expert.token).expect(200)).body;
      expect(list.items).toEqual([
        expect.objectContaining({
          authorId: person.id,
          text: null,
          authorName: expect.stringMatching(/^erased-/),
        }),
      ]);
      const [row] = await sut.dataSource.query(`SELECT text FROM chat_messages WHERE author_id = $1`, [
        person.id,
      ]);
      expect(row.text).toBe('');
    });
  });

  describe('bell stream', () => {
    const open = async (user: TestUser, headers: Record<string, string> = {}) => {
      const stream = new EventStreamClient();
      streams.push(stream);
      const res = await stream.open(`${baseUrl}/api/me/notifications/stream`, user.token, headers);
      return { stream, res };
    };

    it('says the unread count on opening, and again when a reschedule adds a notice, uncompressed and not stored', async () => {
      const session = await sessionAt(Date.now() + 3 * 24 * 60 * MINUTE);
      const [trainee] = world.trainees;
      const { stream, res } = await open(trainee, { 'accept-encoding': 'gzip' });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-encoding')).toBeNull();
      const first = await stream.next((e) => e.event === 'unread');
      const before = (first.data as { unread: number }).unread;

      await sut.http
        .patch(`/api/sessions/${session.id}`)
        .auth(world.expert.token, { type: 'bearer' })
        .send({ startsAt: iso(Date.now() + 4 * 24 * 60 * MINUTE) })
        .expect(200);
      await stream.next((e) => (e.data as { unread: number }).unread === before + 1, { after: 1 });

      // Read on another device: this bell goes back to zero too.
      await sut.http
        .post('/api/me/notifications/read')
        .auth(trainee.token, { type: 'bearer' })
        .send({})
        .expect(200);
      await stream.next((e) => (e.data as { unread: number }).unread === 0, { after: 2 });
    });

    it('tells of notices written in a transaction only once it commits, and not at all when it rolls back', async () => {
      const [, trainee] = world.trainees;
      const notifications = sut.app.get(NotificationsService);
      const { stream } = await open(trainee);
      const opened = await stream.next((e) => e.event === 'unread');
      const before = (opened.data as { unread: number }).unread;
      const notice = { userId: trainee.id, kind: 'certificate-issued' as const, params: {} };

      await expect(
        sut.dataSource.transaction(async (manager) => {
          await notifications.add([notice], manager);
          throw new Error('the issuing failed');
        }),
      ).rejects.toThrow('the issuing failed');
      await sut.dataSource.transaction(async (manager) => {
        await notifications.add([notice], manager);
        // Not before the commit: another process would count without the row.
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(stream.events).toHaveLength(1);
      });
      const update = await stream.next((e) => e.event === 'unread', { after: 1 });
      expect(update.data).toEqual({ unread: before + 1 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(stream.events).toHaveLength(2);
    });

    it('refuses a stream without a valid token', async () => {
      const res = await fetch(`${baseUrl}/api/me/notifications/stream`);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { code: string }).code).toBe('access-token-required');
    });
  });
});
