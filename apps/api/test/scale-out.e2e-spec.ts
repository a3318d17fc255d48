import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { createCohortWorld, CohortWorld } from './support/cohort-world';
import { FakeLiveKit, LIVEKIT_KEY, LIVEKIT_SECRET, signWebhook } from './support/fake-livekit';
import { EventStreamClient } from './support/event-stream';
import { freePort, PlatformProcess, waitFor } from './support/processes';
import { RemoteApi } from './support/test-app';

const MINUTE = 60_000;

/**
 * The built API and worker as separate processes — two of each — sharing one PostgreSQL and one
 * Redis, as replicas behind a load balancer would.
 */
describe('Scale-out: two API processes and two workers (e2e)', () => {
  const livekit = new FakeLiveKit();
  const inbox: { to: string; raw: string }[] = [];
  const database = `mre_scale_${randomBytes(4).toString('hex')}`;
  const processes: PlatformProcess[] = [];
  let smtp: SMTPServer;
  let admin: DataSource;
  let db: DataSource;
  let env: Record<string, string>;
  let api1: RemoteApi;
  let api2: RemoteApi;
  let world: CohortWorld;

  const startProcess = (entry: 'main' | 'worker', extra: Record<string, string> = {}) => {
    const child = new PlatformProcess(entry, { ...env, ...extra });
    processes.push(child);
    return child;
  };
  const startApi = async () => {
    const port = await freePort();
    const child = startProcess('main', { PORT: String(port) });
    const api = new RemoteApi(`http://127.0.0.1:${port}`);
    await waitFor(
      `API on ${port}`,
      async () => (await api.http.get('/api/health')).status === 200,
      60_000,
    ).catch((error) => {
      throw new Error(`${error.message}\n${child.output.join('')}`);
    });
    return { child, api };
  };

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString()));
        stream.on('end', () => {
          for (const r of session.envelope.rcptTo) inbox.push({ to: r.address, raw });
          callback();
        });
      },
    });
    // Workers killed mid-delivery drop their connections; that is the point of the test, not an error.
    smtp.on('error', () => undefined);
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    admin = await new DataSource({ type: 'postgres', url: process.env.MRE_TEST_SERVER_URL }).initialize();
    await admin.query(`CREATE DATABASE ${database}`);
    const url = new URL(process.env.MRE_TEST_SERVER_URL as string);
    url.pathname = `/${database}`;
    env = {
      DATABASE_URL: url.toString(),
      QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}-scale`,
      SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
      LIVEKIT_URL: await livekit.start(),
      LIVEKIT_API_KEY: LIVEKIT_KEY,
      LIVEKIT_API_SECRET: LIVEKIT_SECRET,
      QUEUE_LOCK_MS: '2000',
      INBOX_SWEEP_MS: '1000',
      DEMO_DATA: 'off',
    };
    // Both APIs start at once on an empty database: the migration lock makes them take turns.
    const [first, second] = await Promise.all([startApi(), startApi()]);
    api1 = first.api;
    api2 = second.api;
    startProcess('worker');
    startProcess('worker');
    await Promise.all(processes.filter((_, i) => i >= 2).map((w) => w.waitForLog('processing jobs'))).catch(
      (error) => {
        throw new Error(`${error.message}\n${processes.map((p) => p.output.join('')).join('\n----\n')}`);
      },
    );
    db = await new DataSource({ type: 'postgres', url: env.DATABASE_URL }).initialize();
    world = await createCohortWorld(api1, 2);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop('SIGKILL')));
    await db?.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.destroy();
    await livekit.stop();
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  it('joins on one API, takes the webhook on the other, and reads the attendance on the first', async () => {
    const start = Date.now() - 5 * MINUTE;
    const session = (
      await api1.http
        .post(`/api/cohorts/${world.cohortId}/sessions`)
        .auth(world.expert.token, { type: 'bearer' })
        .send({
          title: 'Deux répliques',
          startsAt: new Date(start).toISOString(),
          durationMinutes: 60,
          mode: 'remote',
        })
        .expect(201)
    ).body.items[0];
    await api1.http
      .post(`/api/sessions/${session.id}/join`)
      .auth(world.trainees[0].token, { type: 'bearer' })
      .expect(200);

    const seconds = (minutes: number) => String(Math.floor((start + minutes * MINUTE) / 1000));
    for (const [event, minute] of [
      ['participant_joined', 0],
      ['participant_left', 3],
    ] as const) {
      const body = JSON.stringify({
        event,
        id: `EV_${randomUUID()}`,
        createdAt: seconds(minute),
        room: { name: session.roomName },
        participant: { sid: 'PA_1', identity: world.trainees[0].id, joinedAt: seconds(0) },
      });
      await api2.http
        .post('/api/livekit/webhook')
        .set('content-type', 'application/webhook+json')
        .set('authorization', await signWebhook(body))
        .send(body)
        .expect(200);
    }
    const row = await waitFor('attendance on the first API', async () => {
      const res = await api1.http
        .get(`/api/sessions/${session.id}/attendance`)
        .auth(world.expert.token, { type: 'bearer' })
        .expect(200);
      return res.body.items.find(
        (r: { userId: string; minutesPresent: number }) =>
          r.userId === world.trainees[0].id && r.minutesPresent === 3,
      );
    });
    expect(row).toMatchObject({ minutesPresent: 3, source: 'live' });
  });

  it('refuses on one API, at once, a trainee withdrawn or removed through the other', async () => {
    const cohortId = await world.addCohort();
    const session = (
      await api1.http
        .post(`/api/cohorts/${cohortId}/sessions`)
        .auth(world.expert.token, { type: 'bearer' })
        .send({
          title: 'Copies',
          startsAt: new Date(Date.now() - 5 * MINUTE).toISOString(),
          durationMinutes: 60,
          mode: 'remote',
        })
        .expect(201)
    ).body.items[0];
    const joinOn2 = (token: string) =>
      api2.http.post(`/api/sessions/${session.id}/join`).auth(token, { type: 'bearer' });
    const [withdrawn, removed] = world.trainees;
    // The second API now holds a copy of the class's rules with both trainees in it.
    for (const trainee of [withdrawn, removed, withdrawn]) await joinOn2(trainee.token).expect(200);

    await api1.http
      .delete(`/api/cohorts/${cohortId}/enrollments/${withdrawn.id}`)
      .auth(world.admin, { type: 'bearer' })
      .expect(200);
    await joinOn2(withdrawn.token).expect(403);
    await joinOn2(removed.token).expect(200);
    await api1.http
      .post(`/api/sessions/${session.id}/participants/${removed.id}/remove`)
      .auth(world.expert.token, { type: 'bearer' })
      .expect(200);
    await joinOn2(removed.token).expect(403);
  });

  it('refuses on one API, at once, the access token of a user disabled through the other', async () => {
    const user = await api2.createUser('trainee');
    await api2.http.get('/api/me').auth(user.token, { type: 'bearer' }).expect(200);
    await api1.http
      .patch(`/api/users/${user.id}`)
      .auth(world.admin, { type: 'bearer' })
      .send({ status: 'disabled' })
      .expect(200);
    // The other process hears of it through Redis within moments, not at the token's expiry 15 minutes on.
    await waitFor(
      'the second API to refuse the token',
      async () => (await api2.http.get('/api/me').auth(user.token, { type: 'bearer' })).status === 401,
      5_000,
    );
  });

  it('updates a bell streaming from one API when a reschedule through the other writes a notice', async () => {
    const trainee = world.trainees[1];
    const session = (
      await api2.http
        .post(`/api/cohorts/${world.cohortId}/sessions`)
        .auth(world.expert.token, { type: 'bearer' })
        .send({
          title: 'Cloche en direct',
          startsAt: new Date(Date.now() + 3 * 24 * 60 * MINUTE).toISOString(),
          durationMinutes: 60,
          mode: 'remote',
        })
        .expect(201)
    ).body.items[0];
    const stream = new EventStreamClient();
    try {
      expect((await stream.open(`${api1.baseUrl}/api/me/notifications/stream`, trainee.token)).status).toBe(
        200,
      );
      const opened = await stream.next((e) => e.event === 'unread');
      const before = (opened.data as { unread: number }).unread;

      await api2.http
        .patch(`/api/sessions/${session.id}`)
        .auth(world.expert.token, { type: 'bearer' })
        .send({ startsAt: new Date(Date.now() + 4 * 24 * 60 * MINUTE).toISOString() })
        .expect(200);
      const update = await stream.next((e) => e.event === 'unread', { after: 1, timeoutMs: 5_000 });
      expect(update.data).toEqual({ unread: before + 1 });
      const list = await api1.http
        .get('/api/me/notifications')
        .auth(trainee.token, { type: 'bearer' })
        .expect(200);
      expect(list.body.items[0]).toMatchObject({ kind: 'session-rescheduled' });
    } finally {
      await stream.close();
    }
  });

  it('runs each job once with two workers: one e-mail per invitation', async () => {
    const token = await api2.adminToken();
    const emails = Array.from(
      { length: 8 },
      (_, i) => `scaled-${i}-${randomUUID().slice(0, 6)}@academy.test`,
    );
    for (const email of emails) {
      await api2.http
        .post('/api/users')
        .auth(token, { type: 'bearer' })
        .send({ email, fullName: 'Invité', role: 'trainee' })
        .expect(201);
    }
    await waitFor('all invitations', async () => emails.every((e) => inbox.some((m) => m.to === e)));
    // Give a second worker every chance to send a duplicate.
    await new Promise((r) => setTimeout(r, 1500));
    expect(emails.map((e) => inbox.filter((m) => m.to === e).length)).toEqual(emails.map(() => 1));
  });

  it('finishes an import whose worker was killed mid-job, with no duplicate effect', async () => {
    const workers = processes.filter((_, i) => i >= 2);
    // One worker left, so the import is surely on the one we kill.
    expect(await workers[1].stop('SIGTERM')).toEqual({ code: null, signal: 'SIGTERM' });
    const rows = 2000;
    const csv = [
      'email;full_name',
      ...Array.from({ length: rows }, (_, i) => `killed-${i}@academy.test;Personne ${i}`),
    ].join('\r\n');
    const token = await api1.adminToken();
    const started = await api1.http
      .post(`/api/cohorts/${world.cohortId}/enrollments/import`)
      .auth(token, { type: 'bearer' })
      .attach('file', Buffer.from(csv), 'list.csv')
      .expect(202);
    const jobId = started.body.jobId;
    await waitFor('the import to be under way', async () => {
      const [job] = await db.query(`SELECT processed_rows FROM import_jobs WHERE id = $1`, [jobId]);
      return job && job.processed_rows > 0;
    });
    expect(await workers[0].stop('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    const [midway] = await db.query(`SELECT processed_rows, state FROM import_jobs WHERE id = $1`, [jobId]);
    expect(midway.processed_rows).toBeLessThan(rows);

    startProcess('worker');
    const done = await waitFor(
      'the import to finish on another worker',
      async () => {
        const res = await api1.http.get(`/api/jobs/${jobId}`).auth(token, { type: 'bearer' }).expect(200);
        return res.body.state === 'completed' && res.body;
      },
      60_000,
    );
    expect(done.result).toMatchObject({
      created: rows,
      enrolled: 28,
      waitlisted: rows - 28,
      skipped: 0,
      errors: [],
    });
    const [counts] = await db.query(
      `SELECT count(*)::int AS enrollments, count(DISTINCT position)::int AS positions, max(position)::int AS last
         FROM enrollments WHERE cohort_id = $1`,
      [world.cohortId],
    );
    expect(counts).toEqual({ enrollments: rows + 2, positions: rows - 28, last: rows - 28 });
    const [invites] = await db.query(
      `SELECT count(*)::int AS n, count(DISTINCT i.user_id)::int AS people FROM invitations i JOIN users u ON u.id = i.user_id WHERE u.email LIKE 'killed-%'`,
    );
    expect(invites).toEqual({ n: rows, people: rows });
  });

  it('lets a request in flight finish on SIGTERM, then exits cleanly', async () => {
    const api = processes[1];
    // An open bell stream does not hold the shutdown: the process ends it, the client reconnects elsewhere.
    const stream = new EventStreamClient();
    expect(
      (await stream.open(`${api2.baseUrl}/api/me/notifications/stream`, world.trainees[0].token)).status,
    ).toBe(200);
    await stream.next((e) => e.event === 'unread');
    const inFlight = api2.http
      .post('/api/auth/login')
      .send({ email: 'admin@academy.test', password: 'admin-password-for-tests' });
    const response = new Promise<number>((resolve, reject) =>
      inFlight.end((error, res) => (error ? reject(error) : resolve(res.status))),
    );
    await new Promise((r) => setTimeout(r, 20));
    const exit = api.stop('SIGTERM');
    expect(await response).toBe(200);
    expect(await exit).toEqual({ code: null, signal: 'SIGTERM' });
    expect(api.output.join('')).not.toMatch(/ERROR/);
    await waitFor('the stream to end', async () => stream.isEnded, 5_000);
  });
});
