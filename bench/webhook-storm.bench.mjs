// Webhook storm: LiveKit reports every join and leave of a big class at once.
//   npx nx run api:build && node bench/webhook-storm.bench.mjs [participants=1000] [connectionsEach=10]
// 20,000 signed participant_joined / participant_left events (1,000 participants × 10 connections,
// each a joined/left pair with its own participant sid) are posted to POST /api/livekit/webhook by
// 32 concurrent senders, with one worker process running. The benchmark reports the events accepted
// per second, checks that every event is in the inbox (livekit_webhook_events) and measures the time
// until the worker has processed them all and GET /api/sessions/:id/attendance shows each person's
// expected minutes. The floor: the bare Fastify server, which only verifies the same signatures.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import {
  adminToken,
  createWorld,
  LIVEKIT_KEY,
  LIVEKIT_SECRET,
  machine,
  msSince,
  runBenchmark,
  startApi,
  startBaseline,
  startWorker,
  withCpu,
} from './lib/harness.mjs';
import { describe, load, round } from './lib/load.mjs';
import {
  adminId,
  enroll,
  seedCohorts,
  seedCourses,
  seedOrganizations,
  seedSession,
  seedUsers,
} from './lib/seed.mjs';

const require = createRequire(import.meta.url);
const { AccessToken } = require('livekit-server-sdk');

const PARTICIPANTS = Number(process.argv[2] ?? 1000);
const CONNECTIONS_EACH = Number(process.argv[3] ?? 10);
const SENDERS = 32;
const MINUTE = 60_000;
const PROCESSING_LIMIT_MS = 180_000;

/** Participant p stays 1 to 5 minutes (by p) on each of its connections, one every 6 minutes. */
const minutesOf = (p) => 1 + (p % 5);

async function signed(body) {
  const token = new AccessToken(LIVEKIT_KEY, LIVEKIT_SECRET);
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return { body, authorization: await token.toJwt() };
}

/** The storm, in the order LiveKit would send it (by event time, participants interleaved). */
async function buildEvents(run, session, users) {
  const start = session.startsAt.getTime();
  const events = [];
  for (let p = 0; p < users.length; p++) {
    for (let k = 0; k < CONNECTIONS_EACH; k++) {
      const joinedAt = start + k * 6 * MINUTE + (p % 60) * 1000;
      const leftAt = joinedAt + minutesOf(p) * MINUTE;
      const participant = {
        sid: `PA_${p}_${k}`,
        identity: users[p].id,
        name: `Bench ${p}`,
        joinedAt: String(Math.floor(joinedAt / 1000)),
      };
      const room = { sid: 'RM_bench', name: session.roomName };
      events.push({
        at: joinedAt,
        json: {
          event: 'participant_joined',
          id: `EV_${run}_${p}_${k}_j`,
          createdAt: String(Math.floor(joinedAt / 1000)),
          room,
          participant,
        },
      });
      events.push({
        at: leftAt,
        json: {
          event: 'participant_left',
          id: `EV_${run}_${p}_${k}_l`,
          createdAt: String(Math.floor(leftAt / 1000)),
          room,
          participant,
        },
      });
    }
  }
  events.sort((a, b) => a.at - b.at);
  const out = [];
  for (const e of events) out.push(await signed(JSON.stringify(e.json)));
  return out;
}

runBenchmark(async () => {
  const world = await createWorld('webhooks');
  const api = await startApi(world);
  const baseline = await startBaseline(world);
  const { db } = world;

  const { networkIds, centreIds } = await seedOrganizations(db, { networks: 1, centres: 1 });
  const [courseId] = await seedCourses(db, 1, networkIds);
  const [cohortId] = await seedCohorts(db, 1, [courseId], centreIds, { capacity: PARTICIPANTS });
  const users = await seedUsers(db, PARTICIPANTS);
  await enroll(
    db,
    cohortId,
    users.map((u) => u.id),
  );
  // A 60-minute class that ended half an hour ago; every connection falls inside it.
  const session = await seedSession(db, cohortId, await adminId(db), {
    startsAt: new Date(Date.now() - 90 * MINUTE),
    minutes: 60,
  });
  await db.query('ANALYZE');

  const signing = process.hrtime.bigint();
  const events = await buildEvents(world.run, session, users);
  console.log(`signed ${events.length} events in ${(msSince(signing) / 1000).toFixed(1)} s (not timed)`);
  const post = (path) => (i) => ({
    method: 'POST',
    path,
    headers: {
      'content-type': 'application/webhook+json',
      authorization: events[i % events.length].authorization,
    },
    body: events[i % events.length].body,
  });

  // The floor first, on the same signed bodies: signature checks only.
  const floor = await withCpu(world, baseline, () =>
    load({
      url: baseline.url,
      requests: post('/webhook'),
      connections: SENDERS,
      amount: events.length,
      maxSeconds: 120,
    }),
  );
  console.log(describe('bare Fastify (verify only)', floor));

  const worker = await startWorker(world);
  const started = process.hrtime.bigint();
  const storm = await withCpu(world, api, () =>
    load({
      url: api.url,
      requests: post('/api/livekit/webhook'),
      connections: SENDERS,
      amount: events.length,
      maxSeconds: 120,
    }),
  );
  console.log(describe(`API, ${events.length} events`, storm));

  const { rows: stored } = await db.query(`SELECT count(*)::int AS n FROM livekit_webhook_events`);
  let unprocessed;
  do {
    await new Promise((r) => setTimeout(r, 100));
    ({
      rows: [{ n: unprocessed }],
    } = await db.query(`SELECT count(*)::int AS n FROM livekit_webhook_events WHERE processed_at IS NULL`));
  } while (unprocessed > 0 && msSince(started) < PROCESSING_LIMIT_MS);
  const processedAfterMs = msSince(started);

  const res = await fetch(`${api.url}/api/sessions/${session.id}/attendance`, {
    headers: { authorization: `Bearer ${await adminToken(world)}` },
  });
  const attendance = await res.json();
  const byUser = new Map((attendance.items ?? []).map((row) => [row.userId, row]));
  const wrong = users.filter((u, p) => byUser.get(u.id)?.minutesPresent !== CONNECTIONS_EACH * minutesOf(p));
  const attendanceCorrect = res.ok && byUser.size === PARTICIPANTS && wrong.length === 0;
  const attendanceCompleteMs = msSince(started);
  console.log(
    `inbox: ${stored[0].n} of ${events.length} stored; all processed ${(processedAfterMs / 1000).toFixed(1)} s after the first event; ` +
      `attendance ${attendanceCorrect ? 'correct' : `WRONG for ${wrong.length} of ${PARTICIPANTS}`} for all ${byUser.size} people`,
  );

  return {
    benchmark: 'webhook-storm',
    machine: machine(),
    events: events.length,
    participants: PARTICIPANTS,
    senders: SENDERS,
    api: storm,
    baseline: floor,
    acceptedPerSecond: storm.perSecond,
    stored: stored[0].n,
    unprocessed,
    processedSeconds: round(processedAfterMs / 1000, 1),
    attendanceCompleteSeconds: round(attendanceCompleteMs / 1000, 1),
    attendanceCorrect,
    targets: {
      atLeast1500PerSecond: storm.perSecond >= 1500,
      everyEventAccountedFor: storm.errors === 0 && stored[0].n === events.length && unprocessed === 0,
      attendanceCorrect,
    },
  };
});
