import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { WorkerModule } from '@/worker.module';
import { createCohortWorld, CohortWorld } from './cohort-world';
import { FakeLiveKit, LIVEKIT_KEY, LIVEKIT_SECRET, signWebhook } from './fake-livekit';
import { TestApp } from './test-app';

const MINUTE = 60_000;

/** An API and a worker, and a held class: 100 minutes, hybrid, started two hours ago, 5 trainees. */
export interface HeldClass {
  livekit: FakeLiveKit;
  sut: TestApp;
  worker: INestApplicationContext;
  world: CohortWorld;
  session: { id: string; roomName: string; startsAt: string };
  /** The class's start, on a whole second (LiveKit's timestamps are seconds). */
  start: number;
}

export async function startHeldClass(title: string): Promise<HeldClass> {
  const livekit = new FakeLiveKit();
  process.env.LIVEKIT_URL = await livekit.start();
  process.env.LIVEKIT_API_KEY = LIVEKIT_KEY;
  process.env.LIVEKIT_API_SECRET = LIVEKIT_SECRET;
  const sut = await TestApp.start();
  process.env.MRE_PROCESS = 'worker';
  const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
  delete process.env.MRE_PROCESS;
  const world = await createCohortWorld(sut, 5);
  const start = Math.floor((Date.now() - 120 * MINUTE) / 1000) * 1000;
  const res = await sut.http
    .post(`/api/cohorts/${world.cohortId}/sessions`)
    .auth(world.expert.token, { type: 'bearer' })
    .send({ title, startsAt: new Date(start).toISOString(), durationMinutes: 100, mode: 'hybrid' })
    .expect(201);
  return { livekit, sut, worker, world, session: res.body.items[0], start };
}

export async function stopHeldClass(held: HeldClass): Promise<void> {
  await held.worker.close();
  await held.sut.close();
  await held.livekit.stop();
  delete process.env.LIVEKIT_URL;
}

/** Signed LiveKit webhooks about the class, and a wait until the worker has processed them all. */
export function classEvents(held: () => HeldClass) {
  const at = (minutes: number) => String(Math.floor((held().start + minutes * MINUTE) / 1000));
  const participantEvent = (
    event: 'participant_joined' | 'participant_left',
    userId: string,
    sid: string,
    joinedMin: number,
    atMin: number,
    room = held().session.roomName,
  ) => ({
    event,
    id: `EV_${randomUUID()}`,
    createdAt: at(atMin),
    room: { sid: 'RM_1', name: room },
    participant: { sid, identity: userId, joinedAt: at(joinedMin) },
  });
  const send = async (event: object, expected = 200) => {
    const body = JSON.stringify(event);
    return held()
      .sut.http.post('/api/livekit/webhook')
      .set('content-type', 'application/webhook+json')
      .set('authorization', await signWebhook(body))
      .send(body)
      .expect(expected);
  };
  const unprocessed = async () =>
    Number(
      (
        await held().sut.dataSource.query(
          `SELECT count(*) AS n FROM livekit_webhook_events WHERE processed_at IS NULL`,
        )
      )[0].n,
    );
  const settle = async () => {
    for (let i = 0; i < 150 && (await unprocessed()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await unprocessed()).toBe(0);
  };
  return { at, participantEvent, send, settle };
}
