import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { WorkerModule } from '@/worker.module';
import { createCohortWorld } from './support/cohort-world';
import { FakeLiveKit, LIVEKIT_KEY, LIVEKIT_SECRET, signWebhook } from './support/fake-livekit';
import { DedicatedPostgres, DedicatedRedis, freePort, waitFor } from './support/processes';
import { TestApp } from './support/test-app';

const MINUTE = 60_000;

/** Restores the variables a test changed, so later test files see the run's own settings. */
function withEnv(values: Record<string, string>): () => void {
  const saved = Object.fromEntries(Object.keys(values).map((k) => [k, process.env[k]]));
  Object.assign(process.env, values);
  return () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}

describe('Faults (e2e)', () => {
  describe('Redis stopped while webhooks arrive', () => {
    const livekit = new FakeLiveKit();
    let redis: DedicatedRedis;
    let sut: TestApp;
    let worker: INestApplicationContext;
    let restoreEnv: () => void;

    beforeAll(async () => {
      redis = new DedicatedRedis(await freePort());
      await redis.start();
      restoreEnv = withEnv({
        REDIS_URL: redis.url,
        LIVEKIT_URL: await livekit.start(),
        LIVEKIT_API_KEY: LIVEKIT_KEY,
        LIVEKIT_API_SECRET: LIVEKIT_SECRET,
        INBOX_SWEEP_MS: '500',
      });
      sut = await TestApp.start();
      process.env.MRE_PROCESS = 'worker';
      worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
      delete process.env.MRE_PROCESS;
    });

    afterAll(async () => {
      await redis.start().catch(() => undefined);
      await worker.close();
      await sut.close();
      await redis.stop();
      await livekit.stop();
      restoreEnv();
    });

    it('lets trainees join with Redis stopped, deciding from PostgreSQL, and honours a withdrawal made meanwhile', async () => {
      const world = await createCohortWorld(sut, 2);
      const session = (
        await sut.http
          .post(`/api/cohorts/${world.cohortId}/sessions`)
          .auth(world.expert.token, { type: 'bearer' })
          .send({
            title: 'Copie sans Redis',
            startsAt: new Date(Date.now() - 5 * MINUTE).toISOString(),
            durationMinutes: 60,
            mode: 'remote',
          })
          .expect(201)
      ).body.items[0];
      const join = (token: string) =>
        sut.http.post(`/api/sessions/${session.id}/join`).auth(token, { type: 'bearer' });
      const [stays, leaves] = world.trainees;
      for (const trainee of [stays, leaves, leaves]) await join(trainee.token).expect(200);

      await redis.stop();
      // The withdrawal cannot outdate the copy's stamp now; with no stamp to compare, no copy is trusted.
      await sut.http
        .delete(`/api/cohorts/${world.cohortId}/enrollments/${leaves.id}`)
        .auth(world.admin, { type: 'bearer' })
        .expect(200);
      // Its notice could not reach the mail queue: its e-mail waits for the daily digest instead.
      const [told] = await sut.dataSource.query(
        `SELECT email FROM notifications WHERE user_id = $1 AND kind = 'withdrawn'`,
        [leaves.id],
      );
      expect(told).toEqual({ email: 'digest' });
      await join(leaves.token).expect(403);
      await join(stays.token).expect(200);

      // Redis comes back empty: the old stamp is gone, so the copy loaded before the outage is not used.
      await redis.start();
      await waitFor(
        'Redis to answer the API again',
        async () => (await sut.http.get('/api/health')).status === 200,
      );
      await join(leaves.token).expect(403);
      await join(stays.token).expect(200);
    });

    it('stores every webhook in PostgreSQL meanwhile, and completes attendance once Redis is back', async () => {
      const world = await createCohortWorld(sut, 4);
      const start = Date.now() - 90 * MINUTE;
      const session = (
        await sut.http
          .post(`/api/cohorts/${world.cohortId}/sessions`)
          .auth(world.expert.token, { type: 'bearer' })
          .send({
            title: 'Panne Redis',
            startsAt: new Date(start).toISOString(),
            durationMinutes: 60,
            mode: 'remote',
          })
          .expect(201)
      ).body.items[0];

      await redis.stop();
      const health = await sut.http.get('/api/health').expect(503);
      expect(health.body.error).toHaveProperty('redis');
      expect(health.body.error).not.toHaveProperty('postgres');

      const seconds = (minutes: number) => String(Math.floor((start + minutes * MINUTE) / 1000));
      for (const [i, trainee] of world.trainees.entries()) {
        for (const [event, minute] of [
          ['participant_joined', 0],
          ['participant_left', 50],
        ] as const) {
          const body = JSON.stringify({
            event,
            id: `EV_${randomUUID()}`,
            createdAt: seconds(minute),
            room: { name: session.roomName },
            participant: { sid: `PA_${i}`, identity: trainee.id, joinedAt: seconds(0) },
          });
          const started = Date.now();
          await sut.http
            .post('/api/livekit/webhook')
            .set('content-type', 'application/webhook+json')
            .set('authorization', await signWebhook(body))
            .send(body)
            .expect(200);
          expect(Date.now() - started).toBeLessThan(3000);
        }
      }
      const stored = await sut.dataSource.query(
        `SELECT count(*)::int AS n, count(processed_at)::int AS done FROM livekit_webhook_events WHERE room_name = $1`,
        [session.roomName],
      );
      expect(stored).toEqual([{ n: 8, done: 0 }]);

      await redis.start();
      await waitFor('the inbox to be processed', async () => {
        const [row] = await sut.dataSource.query(
          `SELECT count(*)::int AS left FROM livekit_webhook_events WHERE room_name = $1 AND processed_at IS NULL`,
          [session.roomName],
        );
        return row.left === 0;
      });
      const attendance = await sut.http
        .get(`/api/sessions/${session.id}/attendance`)
        .auth(world.expert.token, { type: 'bearer' })
        .expect(200);
      expect(
        attendance.body.items.map((r: { minutesPresent: number; status: string }) => [
          r.minutesPresent,
          r.status,
        ]),
      ).toEqual(Array(4).fill([50, 'present']));
      await sut.http.get('/api/health').expect(200);
    });
  });

  describe('PostgreSQL stopped', () => {
    let sut: TestApp;
    let server: DedicatedPostgres;
    let dir: string;
    let restoreEnv: () => void;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'mre-fault-pg-'));
      // As root the server runs as the postgres user, which must be able to enter the folder.
      chmodSync(dir, 0o755);
      server = new DedicatedPostgres(dir, await freePort(), 'faults');
      await server.start();
      restoreEnv = withEnv({ DATABASE_URL: server.url });
      sut = await TestApp.start();
    });

    afterAll(async () => {
      await sut.close();
      await server.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
      restoreEnv();
    });

    it('answers 503 naming it within seconds, and serves again when it returns without a restart', async () => {
      const admin = await sut.adminToken();
      await sut.http.get('/api/users').auth(admin, { type: 'bearer' }).expect(200);
      const catalogue = (await sut.http.get('/api/courses').auth(admin, { type: 'bearer' }).expect(200)).body;
      await server.stop();

      let started = Date.now();
      const health = await sut.http.get('/api/health').expect(503);
      expect(Date.now() - started).toBeLessThan(6000);
      expect(health.body.error).toHaveProperty('postgres');
      expect(health.body.info).toHaveProperty('redis');

      started = Date.now();
      const users = await sut.http.get('/api/users').auth(admin, { type: 'bearer' }).expect(503);
      expect(Date.now() - started).toBeLessThan(8000);
      expect(users.body).toMatchObject({
        statusCode: 503,
        message: expect.stringMatching(/database is unavailable/),
      });
      // A catalogue page read before is still current (nothing can change it now): it keeps answering.
      expect((await sut.http.get('/api/courses').auth(admin, { type: 'bearer' }).expect(200)).body).toEqual(
        catalogue,
      );
      await sut.http
        .get('/api/courses')
        .query({ q: 'jamais lu' })
        .auth(admin, { type: 'bearer' })
        .expect(503);

      await server.start();
      await waitFor(
        'the API to serve again',
        async () => (await sut.http.get('/api/users').auth(admin, { type: 'bearer' })).status === 200,
      );
      await sut.http.get('/api/health').expect(200);
    });
  });
});
