import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { QueueName } from '@/core/queue/queue-name';
import { S3ObjectStorage } from '@/core/storage/s3-object-storage';
import { RECORDING_RETENTION_SCHEDULE } from '@/modules/live/jobs/expire-recordings.job';
import { RecordingsService } from '@/modules/live/recordings.service';
import { egressIds } from './support/fake-livekit';
import { classEvents, HeldClass, startHeldClass, stopHeldClass } from './support/held-class';
import {
  egressEnded,
  egressOutputs,
  RECORDED_AUDIO,
  RECORDED_SECONDS,
  RECORDED_VIDEO,
} from './support/recording-egress';
import { S3TestServer } from './support/s3-test-server';
import { SmtpInbox, subjectOf } from './support/smtp-inbox';

const MINUTE = 60_000;
const BEARER = { type: 'bearer' } as const;
const DAY = 24 * 60 * MINUTE;
const filesDir = () => resolve(process.env.DATA_DIR as string, 'files');

/** Collects a binary answer as a Buffer (supertest parses only text by default). */
const binary = (res: unknown, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = res as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

/** Writes a file where Egress was told to, as Egress does once the class is over. */
function writeAsEgress(filepath: string, bytes: Buffer): void {
  mkdirSync(dirname(filepath), { recursive: true });
  writeFileSync(filepath, bytes);
}

/** Egress into the embedded store (DATA_DIR/files) → egress_ended → playable for the cohort only. */
describe('Recordings: Egress outputs, playback, retention (e2e, embedded store)', () => {
  let held: HeldClass;
  const inbox = new SmtpInbox();
  beforeAll(async () => {
    process.env.SMTP_URL = await inbox.start();
    held = await startHeldClass('Circuits hydrauliques');
  });
  afterAll(async () => {
    await stopHeldClass(held);
    await inbox.stop();
    delete process.env.SMTP_URL;
  });
  const { send, settle } = classEvents(() => held);

  /** A class running now, recorded from start to stop; in a cohort of its own, as classes of one cohort may not overlap. */
  async function recordClass(title: string, cohortId?: string) {
    const { sut, world, livekit } = held;
    const created = await sut.http
      .post(`/api/cohorts/${cohortId ?? (await world.addCohort())}/sessions`)
      .auth(world.expert.token, { type: 'bearer' })
      .send({
        title,
        startsAt: new Date(Date.now() - 5 * MINUTE).toISOString(),
        durationMinutes: 15,
        mode: 'remote',
      })
      .expect(201);
    const session = created.body.items[0] as { id: string; roomName: string };
    const egressId = `EG_${randomUUID().slice(0, 8)}`;
    livekit.answers.StartRoomCompositeEgress = egressIds(egressId);
    const started = await sut.http
      .post(`/api/sessions/${session.id}/recording/start`)
      .auth(world.expert.token, { type: 'bearer' })
      .expect(200);
    await sut.http
      .post(`/api/sessions/${session.id}/recording/stop`)
      .auth(world.expert.token, { type: 'bearer' })
      .expect(200);
    return { session, egressId, recordingId: started.body.id as string };
  }

  /** Records a class whose two files Egress writes and reports: a playable recording. */
  async function playableRecording(title: string, cohortId?: string) {
    const recorded = await recordClass(title, cohortId);
    const outputs = egressOutputs(held.livekit, recorded.session.roomName);
    writeAsEgress(outputs.video.filepath, RECORDED_VIDEO);
    writeAsEgress(outputs.audio.filepath, RECORDED_AUDIO);
    await send(
      egressEnded(recorded.egressId, recorded.session.roomName, {
        filepath: outputs.video.filepath,
        size: RECORDED_VIDEO.length,
      }),
    );
    await send(
      egressEnded(`${recorded.egressId}_audio`, recorded.session.roomName, {
        filepath: outputs.audio.filepath,
        size: RECORDED_AUDIO.length,
      }),
    );
    await settle();
    return { ...recorded, outputs };
  }

  it('tells the cohort once that the recording can be watched, even when Egress reports it twice, e-mailing as each chose', async () => {
    const { sut, world } = held;
    const [eager, patient] = world.trainees;
    await sut.http
      .put('/api/me/notification-preferences')
      .auth(eager.token, { type: 'bearer' })
      .send({ items: [{ kind: 'recording-available', email: 'immediate' }] })
      .expect(200);
    const { session, egressId, outputs, recordingId } = await playableRecording(
      'Annonce',
      await world.addCohort(),
    );
    await send(
      egressEnded(egressId, session.roomName, {
        filepath: outputs.video.filepath,
        size: RECORDED_VIDEO.length,
      }),
    );
    await settle();
    for (const person of [eager, patient]) {
      const list = await sut.http
        .get('/api/me/notifications?pageSize=100')
        .auth(person.token, { type: 'bearer' })
        .expect(200);
      const told = list.body.items.filter(
        (n: { kind: string; params: { recordingId?: string } }) =>
          n.kind === 'recording-available' && n.params.recordingId === recordingId,
      );
      expect(told).toHaveLength(1);
      expect(told[0].params).toMatchObject({ sessionId: session.id, title: 'Annonce' });
    }
    // The one who asked gets it at once, through the SMTP server, in their language; the default
    // (the daily digest) sends nothing now.
    const told = (mail: { raw: string }) => subjectOf(mail.raw) === 'Enregistrement disponible : Annonce';
    await inbox.waitFor(told);
    await new Promise((r) => setTimeout(r, 1500));
    expect(inbox.mails.filter(told).map((mail) => mail.to)).toEqual([[eager.email]]);
  });

  it('refuses to record a cohort that states its sessions are not recorded, without asking LiveKit', async () => {
    const { sut, world, livekit } = held;
    const cohortId = await world.addCohort();
    await sut.http
      .patch(`/api/cohorts/${cohortId}`)
      .auth(world.admin, { type: 'bearer' })
      .send({ recordingAllowed: false })
      .expect(200);
    const session = (
      await sut.http
        .post(`/api/cohorts/${cohortId}/sessions`)
        .auth(world.expert.token, { type: 'bearer' })
        .send({
          title: 'Séance non enregistrée',
          startsAt: new Date(Date.now() - 5 * MINUTE).toISOString(),
          durationMinutes: 15,
          mode: 'remote',
        })
        .expect(201)
    ).body.items[0] as { id: string; roomName: string };
    const start = (token: string) =>
      sut.http.post(`/api/sessions/${session.id}/recording/start`).auth(token, { type: 'bearer' });
    for (const token of [world.expert.token, world.admin]) {
      const refused = await start(token).expect(409);
      expect(refused.body.code).toBe('recording-not-allowed');
    }
    expect(
      livekit.calls('StartRoomCompositeEgress').filter((c) => c.body.roomName === session.roomName),
    ).toEqual([]);
    const [{ n }] = await sut.dataSource.query(`SELECT count(*) AS n FROM recordings WHERE session_id = $1`, [
      session.id,
    ]);
    expect(Number(n)).toBe(0);

    // Once the cohort allows it, the same host records.
    await sut.http
      .patch(`/api/cohorts/${cohortId}`)
      .auth(world.admin, { type: 'bearer' })
      .send({ recordingAllowed: true })
      .expect(200);
    livekit.answers.StartRoomCompositeEgress = egressIds(`EG_${randomUUID().slice(0, 8)}`);
    await start(world.expert.token).expect(200);
    await sut.http
      .post(`/api/sessions/${session.id}/recording/stop`)
      .auth(world.expert.token, { type: 'bearer' })
      .expect(200);
  });

  it('asks Egress for the room composite MP4 and an audio-only OGG, both inside the store’s folder', async () => {
    const { session, recordingId } = await recordClass('Deux sorties');
    const { video, audio } = egressOutputs(held.livekit, session.roomName);
    expect(video).toEqual({
      fileType: 'MP4',
      filepath: resolve(filesDir(), `recordings/${session.id}/${recordingId}.mp4`),
    });
    expect(audio).toEqual({
      fileType: 'OGG',
      filepath: resolve(filesDir(), `recordings/${session.id}/${recordingId}.ogg`),
    });
    expect(
      held.livekit
        .calls('StopEgress')
        .slice(-2)
        .map((c) => c.body.egressId),
    ).toHaveLength(2);
  });

  it('turns egress_ended into a recording the cohort can play whole or by range, without a storage path', async () => {
    const { sut, world } = held;
    const { session, recordingId } = await playableRecording('Lecture');
    const trainee = world.trainees[0];

    const listed = await sut.http
      .get(`/api/sessions/${session.id}/recordings`)
      .auth(trainee.token, BEARER)
      .expect(200);
    expect(listed.body).toEqual({
      items: [
        {
          id: recordingId,
          status: 'ended',
          startedAt: expect.any(String),
          durationSeconds: RECORDED_SECONDS,
          sizeBytes: RECORDED_VIDEO.length,
          audioSizeBytes: RECORDED_AUDIO.length,
          expiresAt: expect.any(String),
          failureReason: null,
        },
      ],
      total: 1,
    });
    const days = (Date.parse(listed.body.items[0].expiresAt) - Date.now()) / DAY;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThanOrEqual(90);
    expect(JSON.stringify(listed.body)).not.toMatch(/recordings\/|files|\.mp4|\.ogg/);

    const whole = await sut.http
      .get(`/api/recordings/${recordingId}/video`)
      .auth(trainee.token, BEARER)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(whole.headers['content-type']).toBe('video/mp4');
    expect(whole.headers['accept-ranges']).toBe('bytes');
    expect(Buffer.compare(whole.body, RECORDED_VIDEO)).toBe(0);

    const part = await sut.http
      .get(`/api/recordings/${recordingId}/video`)
      .auth(trainee.token, BEARER)
      .set('range', 'bytes=100-1099')
      .buffer(true)
      .parse(binary)
      .expect(206);
    expect(part.headers['content-range']).toBe(`bytes 100-1099/${RECORDED_VIDEO.length}`);
    expect(Buffer.compare(part.body, RECORDED_VIDEO.subarray(100, 1100))).toBe(0);
    await sut.http
      .get(`/api/recordings/${recordingId}/video`)
      .auth(trainee.token, BEARER)
      .set('range', `bytes=${RECORDED_VIDEO.length}-`)
      .expect(416);

    const sound = await sut.http
      .get(`/api/recordings/${recordingId}/audio`)
      .auth(world.coordinator.token, BEARER)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(sound.headers['content-type']).toBe('audio/ogg');
    expect(Buffer.compare(sound.body, RECORDED_AUDIO)).toBe(0);

    // Outsiders learn nothing, not even that it exists.
    for (const path of [
      `/api/recordings/${recordingId}/video`,
      `/api/recordings/${recordingId}/audio/link`,
    ]) {
      const refused = await sut.http.get(path).auth(world.outsider.token, BEARER).expect(404);
      expect(refused.body.code).toBe('recording-not-found');
    }
    await sut.http.get(`/api/recordings/${recordingId}/video`).expect(401);
  });

  it('gives a player a signed link that streams with Range and no token, and counts views per person and output', async () => {
    const { sut, world } = held;
    const { recordingId } = await playableRecording('Lien de lecture');
    const trainee = world.trainees[1];
    const link = await sut.http
      .get(`/api/recordings/${recordingId}/video/link`)
      .auth(trainee.token, BEARER)
      .expect(200);
    expect(link.body).toEqual({
      url: expect.stringMatching(/^\/api\/recordings\//),
      expiresAt: expect.any(String),
      contentType: 'video/mp4',
    });
    expect(Date.parse(link.body.expiresAt) - Date.now()).toBeGreaterThan(10 * MINUTE);

    const played = await sut.http
      .get(link.body.url)
      .set('range', 'bytes=0-499')
      .buffer(true)
      .parse(binary)
      .expect(206);
    expect(Buffer.compare(played.body, RECORDED_VIDEO.subarray(0, 500))).toBe(0);
    // A link is for its recording and output only, and cannot be forged.
    await sut.http.get(link.body.url.replace('/video/', '/audio/')).expect(401);
    await sut.http.get(link.body.url.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A'))).expect(401);
    await sut.http.get(`/api/recordings/${recordingId}/video/play`).expect(400);

    // The player's first request counts; the ranges after it are the same viewing.
    await sut.http
      .get(`/api/recordings/${recordingId}/video`)
      .auth(trainee.token, BEARER)
      .set('range', 'bytes=0-99')
      .expect(206);
    await sut.http
      .get(`/api/recordings/${recordingId}/video`)
      .auth(trainee.token, BEARER)
      .set('range', 'bytes=100-199')
      .expect(206);
    await sut.http.get(`/api/recordings/${recordingId}/audio/link`).auth(trainee.token, BEARER).expect(200);
    const views = await sut.dataSource.query(
      `SELECT output, views, first_viewed_at <= last_viewed_at AS ordered FROM recording_views
        WHERE recording_id = $1 AND user_id = $2 ORDER BY output`,
      [recordingId, trainee.id],
    );
    expect(views).toEqual([
      { output: 'audio', views: 1, ordered: true },
      { output: 'video', views: 2, ordered: true },
    ]);
  });

  it('shows a failed Egress as failed with its reason, and an audio-only failure beside a working video', async () => {
    const { sut, world } = held;
    const failed = await recordClass('Échec');
    await send(egressEnded(failed.egressId, failed.session.roomName, { error: 'Start signal not received' }));
    await send(
      egressEnded(`${failed.egressId}_audio`, failed.session.roomName, { error: 'pipeline failed' }),
    );
    await settle();
    const listed = await sut.http
      .get(`/api/sessions/${failed.session.id}/recordings`)
      .auth(world.trainees[0].token, BEARER)
      .expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        status: 'failed',
        failureReason: 'Start signal not received',
        sizeBytes: null,
        audioSizeBytes: null,
      }),
    ]);
    const missing = await sut.http
      .get(`/api/recordings/${failed.recordingId}/video`)
      .auth(world.trainees[0].token, BEARER)
      .expect(404);
    expect(missing.body.code).toBe('recording-file-unavailable');

    const halfway = await recordClass('Vidéo seule');
    const outputs = egressOutputs(held.livekit, halfway.session.roomName);
    writeAsEgress(outputs.video.filepath, RECORDED_VIDEO);
    await send(
      egressEnded(halfway.egressId, halfway.session.roomName, {
        filepath: outputs.video.filepath,
        size: RECORDED_VIDEO.length,
      }),
    );
    // Egress says COMPLETE, but nothing reached the store: not playable, and said so.
    await send(
      egressEnded(`${halfway.egressId}_audio`, halfway.session.roomName, {
        filepath: outputs.audio.filepath,
        size: 1234,
      }),
    );
    await settle();
    const half = await sut.http
      .get(`/api/sessions/${halfway.session.id}/recordings`)
      .auth(world.trainees[0].token, BEARER)
      .expect(200);
    expect(half.body.items).toEqual([
      expect.objectContaining({
        status: 'ended',
        sizeBytes: RECORDED_VIDEO.length,
        audioSizeBytes: null,
        failureReason: expect.stringMatching(/^audio-only copy: .*not in the storage/),
      }),
    ]);
  });

  it('marks past sessions with a playable recording in the schedule', async () => {
    const { sut, world } = held;
    const { session } = await playableRecording('Au programme');
    const schedule = await sut.http
      .get(`/api/sessions?from=${new Date(Date.now() - 3 * 60 * MINUTE).toISOString()}`)
      .auth(world.trainees[0].token, BEARER)
      .expect(200);
    const flags = new Map(
      schedule.body.items.map((s: { id: string; recordingAvailable: boolean }) => [
        s.id,
        s.recordingAvailable,
      ]),
    );
    expect(flags.get(session.id)).toBe(true);
    expect(flags.get(held.session.id)).toBe(false);
  });

  it('expires exactly the recordings past their retention (the cohort’s, else 90 days), files and all, audited', async () => {
    const { sut, world, worker } = held;
    const shortRetention = [await world.addCohort(), await world.addCohort()];
    await sut.http
      .patch(`/api/cohorts/${shortRetention[0]}`)
      .auth(world.coordinator.token, BEARER)
      .send({ recordingRetentionDays: 30 })
      .expect(403);
    for (const cohortId of shortRetention) {
      const patched = await sut.http
        .patch(`/api/cohorts/${cohortId}`)
        .auth(world.admin, BEARER)
        .send({ recordingRetentionDays: 30 })
        .expect(200);
      expect(patched.body.recordingRetentionDays).toBe(30);
    }
    await sut.http
      .patch(`/api/cohorts/${shortRetention[0]}`)
      .auth(world.admin, BEARER)
      .send({ recordingRetentionDays: 0 })
      .expect(400);

    // Four recordings, ended long ago: each given its end by hand (nobody waits 90 days).
    const defaultOld = await playableRecording('Ancienne (91 jours)');
    const defaultRecent = await playableRecording('Récente (89 jours)');
    const short = await playableRecording('Courte rétention (31 jours)', shortRetention[0]);
    const shortKept = await playableRecording('Courte rétention (29 jours)', shortRetention[1]);
    const endedDaysAgo = (days: number, id: string) =>
      sut.dataSource.query(
        `UPDATE recordings SET ended_at = now() - make_interval(days => $1) WHERE id = $2`,
        [days, id],
      );
    await endedDaysAgo(91, defaultOld.recordingId);
    await endedDaysAgo(89, defaultRecent.recordingId);
    await endedDaysAgo(31, short.recordingId);
    await endedDaysAgo(29, shortKept.recordingId);

    // The worker keeps one daily scheduler on the queue; its job is run now rather than tonight.
    const queue = worker.get<Queue>(getQueueToken(QueueName.RecordingRetention));
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers).toEqual([
      expect.objectContaining({ key: 'daily', pattern: RECORDING_RETENTION_SCHEDULE.pattern }),
    ]);
    const job = await queue.add('expire', {});
    for (let i = 0; i < 100 && !(await job.isCompleted()); i++) await new Promise((r) => setTimeout(r, 100));
    expect((await queue.getJob(job.id as string))?.returnvalue).toEqual({ expired: 2, stuck: 0 });

    const statuses = new Map(
      (
        await sut.dataSource.query(`SELECT id, status, video_key FROM recordings WHERE id = ANY($1)`, [
          [defaultOld, defaultRecent, short, shortKept].map((r) => r.recordingId),
        ])
      ).map((r: { id: string; status: string }) => [r.id, r.status]),
    );
    expect(statuses).toEqual(
      new Map([
        [defaultOld.recordingId, 'expired'],
        [defaultRecent.recordingId, 'ended'],
        [short.recordingId, 'expired'],
        [shortKept.recordingId, 'ended'],
      ]),
    );
    for (const gone of [defaultOld, short]) {
      expect(existsSync(gone.outputs.video.filepath)).toBe(false);
      expect(existsSync(gone.outputs.audio.filepath)).toBe(false);
    }
    for (const kept of [defaultRecent, shortKept]) expect(existsSync(kept.outputs.video.filepath)).toBe(true);
    const audited = await sut.dataSource.query(
      `SELECT data->>'recordingId' AS id FROM audit_log WHERE action = 'recording.expired' AND data->>'recordingId' = ANY($1)`,
      [[defaultOld, defaultRecent, short, shortKept].map((r) => r.recordingId)],
    );
    expect(audited.map((a: { id: string }) => a.id).sort()).toEqual(
      [defaultOld.recordingId, short.recordingId].sort(),
    );
    const expired = await sut.http
      .get(`/api/sessions/${defaultOld.session.id}/recordings`)
      .auth(world.trainees[0].token, BEARER)
      .expect(200);
    expect(expired.body.items).toEqual([
      expect.objectContaining({ status: 'expired', sizeBytes: RECORDED_VIDEO.length }),
    ]);
    await sut.http
      .get(`/api/recordings/${defaultOld.recordingId}/video`)
      .auth(world.trainees[0].token, BEARER)
      .expect(404);
  });

  it('goes on past files it cannot delete and reports them, and fails recordings stuck active for a day so that they expire', async () => {
    const { sut, worker, livekit } = held;
    const setEnd = (id: string, sql: string) =>
      sut.dataSource.query(`UPDATE recordings SET ${sql} WHERE id = $1`, [id]);
    // The store refuses to delete this one's video (a folder stands where the file was).
    const undeletable = await playableRecording('Fichier indélébile');
    rmSync(undeletable.outputs.video.filepath);
    mkdirSync(undeletable.outputs.video.filepath);
    writeFileSync(join(undeletable.outputs.video.filepath, 'verrou'), 'x');
    await setEnd(undeletable.recordingId, `ended_at = now() - interval '120 days'`);
    // Egress wrote a file but its end never came, and nobody pressed stop: active for 100 days.
    const stuck = await recordClass('Jamais terminée');
    const stuckOutputs = egressOutputs(livekit, stuck.session.roomName);
    writeAsEgress(stuckOutputs.video.filepath, RECORDED_VIDEO);
    await setEnd(
      stuck.recordingId,
      `status = 'active', ended_at = NULL, started_at = now() - interval '100 days'`,
    );
    const deletable = await playableRecording('Fichier ordinaire');
    await setEnd(deletable.recordingId, `ended_at = now() - interval '92 days'`);

    const retention = worker.get(RecordingsService);
    expect(await retention.expireDue()).toEqual({ expired: 2, failed: [undeletable.recordingId], stuck: 1 });
    const rows = await sut.dataSource.query(
      `SELECT id, status, failure_reason AS "failureReason" FROM recordings WHERE id = ANY($1)`,
      [[undeletable, stuck, deletable].map((r) => r.recordingId)],
    );
    const byId = new Map(rows.map((r: { id: string }) => [r.id, r]));
    expect(byId.get(undeletable.recordingId)).toMatchObject({ status: 'ended' });
    expect(byId.get(stuck.recordingId)).toMatchObject({
      status: 'expired',
      failureReason: 'no end from Egress within a day of the start',
    });
    expect(byId.get(deletable.recordingId)).toMatchObject({ status: 'expired' });
    expect(existsSync(stuckOutputs.video.filepath)).toBe(false);
    expect(existsSync(deletable.outputs.video.filepath)).toBe(false);

    // Once the store deletes again, the next run expires the one left.
    rmSync(undeletable.outputs.video.filepath, { recursive: true });
    expect(await retention.expireDue()).toEqual({ expired: 1, failed: [], stuck: 0 });
  });

  it('lets an admin delete a recording at once, files included, and audits it', async () => {
    const { sut, world } = held;
    const { session, recordingId, outputs } = await playableRecording('À effacer');
    await sut.http.delete(`/api/recordings/${recordingId}`).auth(world.expert.token, BEARER).expect(403);
    await sut.http.delete(`/api/recordings/${recordingId}`).auth(world.admin, BEARER).expect(204);
    expect(existsSync(outputs.video.filepath)).toBe(false);
    expect(existsSync(outputs.audio.filepath)).toBe(false);
    const listed = await sut.http
      .get(`/api/sessions/${session.id}/recordings`)
      .auth(world.admin, BEARER)
      .expect(200);
    expect(listed.body.items).toEqual([]);
    const [entry] = await sut.dataSource.query(
      `SELECT actor_id AS "actorId", entity_id AS "entityId" FROM audit_log WHERE action = 'recording.deleted' AND data->>'recordingId' = $1`,
      [recordingId],
    );
    expect(entry).toEqual({ actorId: expect.any(String), entityId: session.id });
    await sut.http.delete(`/api/recordings/${recordingId}`).auth(world.admin, BEARER).expect(404);
  });
});

/** With S3 configured, Egress uploads to the bucket itself; the API answers with presigned URLs. */
describe('Recordings on an S3-compatible store (e2e)', () => {
  const saved: Record<string, string | undefined> = {};
  let s3: S3TestServer;
  let held: HeldClass;

  beforeAll(async () => {
    s3 = await S3TestServer.start();
    for (const [key, value] of Object.entries(s3.environment)) {
      saved[key] = process.env[key];
      process.env[key] = value;
    }
    held = await startHeldClass('Soudage TIG');
  });

  afterAll(async () => {
    await stopHeldClass(held);
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await s3.stop();
  });

  const { send, settle } = classEvents(() => held);

  it('has Egress upload both outputs to the bucket, and redirects players to short-lived URLs of it', async () => {
    const { sut, world, livekit } = held;
    const created = await sut.http
      .post(`/api/cohorts/${world.cohortId}/sessions`)
      .auth(world.expert.token, BEARER)
      .send({
        title: 'Enregistrée sur S3',
        startsAt: new Date(Date.now() - 5 * MINUTE).toISOString(),
        durationMinutes: 15,
        mode: 'remote',
      })
      .expect(201);
    const session = created.body.items[0] as { id: string; roomName: string };
    livekit.answers.StartRoomCompositeEgress = egressIds('EG_s3');
    const started = await sut.http
      .post(`/api/sessions/${session.id}/recording/start`)
      .auth(world.expert.token, BEARER)
      .expect(200);
    const recordingId = started.body.id as string;
    await sut.http
      .post(`/api/sessions/${session.id}/recording/stop`)
      .auth(world.expert.token, BEARER)
      .expect(200);

    const upload = {
      endpoint: s3.settings.endpoint,
      bucket: s3.settings.bucket,
      accessKey: s3.settings.accessKeyId,
      secret: s3.settings.secretAccessKey,
      region: s3.settings.region,
      forcePathStyle: true,
    };
    const { video, audio } = egressOutputs(livekit, session.roomName);
    expect(video).toEqual({
      fileType: 'MP4',
      filepath: `recordings/${session.id}/${recordingId}.mp4`,
      s3: upload,
    });
    expect(audio).toEqual({
      fileType: 'OGG',
      filepath: `recordings/${session.id}/${recordingId}.ogg`,
      s3: upload,
    });

    // What Egress does with that request: upload to the bucket, then tell.
    const bucket = new S3ObjectStorage(s3.settings);
    await bucket.put(video.filepath, Readable.from(RECORDED_VIDEO), 'video/mp4');
    await bucket.put(audio.filepath, Readable.from(RECORDED_AUDIO), 'audio/ogg');
    await send(
      egressEnded('EG_s3', session.roomName, { filepath: video.filepath, size: RECORDED_VIDEO.length }),
    );
    await send(
      egressEnded('EG_s3_audio', session.roomName, { filepath: audio.filepath, size: RECORDED_AUDIO.length }),
    );
    await settle();

    const listed = await sut.http
      .get(`/api/sessions/${session.id}/recordings`)
      .auth(world.trainees[0].token, BEARER)
      .expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        status: 'ended',
        sizeBytes: RECORDED_VIDEO.length,
        audioSizeBytes: RECORDED_AUDIO.length,
      }),
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(s3.settings.bucket);

    const redirected = await sut.http
      .get(`/api/recordings/${recordingId}/video`)
      .auth(world.trainees[0].token, BEARER)
      .expect(302);
    const location = new URL(redirected.headers.location);
    expect(location.origin).toBe(s3.settings.endpoint);
    expect(location.searchParams.get('X-Amz-Signature')).toBeTruthy();
    expect(Number(location.searchParams.get('X-Amz-Expires'))).toBeLessThanOrEqual(6 * 3600);
    const part = await fetch(location, { headers: { range: 'bytes=0-999' } });
    expect(part.status).toBe(206);
    expect(Buffer.compare(Buffer.from(await part.arrayBuffer()), RECORDED_VIDEO.subarray(0, 1000))).toBe(0);

    const link = await sut.http
      .get(`/api/recordings/${recordingId}/audio/link`)
      .auth(world.coordinator.token, BEARER)
      .expect(200);
    const sound = await fetch(link.body.url);
    expect(sound.status).toBe(200);
    expect(Buffer.compare(Buffer.from(await sound.arrayBuffer()), RECORDED_AUDIO)).toBe(0);
    await sut.http.get(`/api/recordings/${recordingId}/video`).auth(world.outsider.token, BEARER).expect(404);

    await sut.http.delete(`/api/recordings/${recordingId}`).auth(world.admin, BEARER).expect(204);
    expect(await bucket.head(video.filepath)).toBeNull();
    expect(await bucket.head(audio.filepath)).toBeNull();
  });
});
