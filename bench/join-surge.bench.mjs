// Class-start surge: the trainees of one class press Join within a few seconds.
//   npx nx run api:build && node bench/join-surge.bench.mjs [trainees=500]
// Against the built API (child process) on a throwaway database, with a stand-in LiveKit that
// answers room creation at once, and against the bare Fastify floor (baseline-server.mjs):
// 1. the surge: every trainee joins once, arriving at TRAINEES / 2 per second (all in 2 s, open loop);
// 2. flat out: 50 connections, as many joins as the server can take for 4 s, three rounds
//    alternating with the floor; the ratio is the median of the rounds' ratios, the figures shown
//    are each side's best round. These joins go to another session, of a cohort large enough
//    (40,000 trainees, each joining a few times) that the per-person limit of 10 joins a minute
//    never trips at the floor's rate; the class of the surge keeps a real class's size.
import {
  accessToken,
  createWorld,
  machine,
  median,
  runBenchmark,
  startApi,
  startBaseline,
  withCpu,
} from './lib/harness.mjs';
import { arrivals, describe, load, round } from './lib/load.mjs';
import {
  addTeacher,
  adminId,
  enroll,
  seedCohorts,
  seedCourses,
  seedOrganizations,
  seedSession,
  seedUsers,
} from './lib/seed.mjs';

const TRAINEES = Number(process.argv[2] ?? 500);
const FLAT_OUT_USERS = 40_000;
const ROUNDS = 3;
const ROUND_SECONDS = 4;
const MINUTE = 60_000;

runBenchmark(async () => {
  const world = await createWorld('join');
  // Every simulated trainee comes from 127.0.0.1, so the per-address join limit (meant for one
  // centre's shared address) is lifted; the per-person limit stays as configured and must not trip.
  const api = await startApi(world, { JOIN_RATE_LIMIT_PER_IP: '100000000' });
  const baseline = await startBaseline(world);
  const { db } = world;

  const { networkIds, centreIds } = await seedOrganizations(db, { networks: 1, centres: 1 });
  const [courseId] = await seedCourses(db, 1, networkIds);
  const [classCohort, warmUpCohort, flatOutCohort] = await seedCohorts(db, 3, [courseId], centreIds, {
    capacity: FLAT_OUT_USERS,
  });
  const trainees = await seedUsers(db, TRAINEES + FLAT_OUT_USERS);
  const [expert] = await seedUsers(db, 1, { role: 'expert' });
  const ids = trainees.map((t) => t.id);
  await enroll(db, classCohort, ids.slice(0, TRAINEES));
  await enroll(db, warmUpCohort, ids.slice(0, 200));
  await enroll(db, flatOutCohort, ids.slice(TRAINEES));
  for (const cohort of [classCohort, flatOutCohort]) await addTeacher(db, cohort, expert.id);
  const createdBy = await adminId(db);
  const now = Date.now();
  // The class starts in five minutes (inside the join window); the warm-up one started earlier.
  const session = await seedSession(db, classCohort, createdBy, {
    startsAt: new Date(now + 5 * MINUTE),
    minutes: 90,
  });
  const warmUp = await seedSession(db, warmUpCohort, createdBy, {
    startsAt: new Date(now - 10 * MINUTE),
    minutes: 60,
  });
  const flatOutSession = await seedSession(db, flatOutCohort, createdBy, {
    startsAt: new Date(now - 5 * MINUTE),
    minutes: 90,
  });
  await db.query('ANALYZE');
  const tokens = trainees.map((t) => accessToken(world, t));

  const joins = (server, sessionId, from, count) => (i) => ({
    method: 'POST',
    path: server === api ? `/api/sessions/${sessionId}/join` : `/join/${sessionId}`,
    headers: { authorization: `Bearer ${tokens[from + (i % count)]}` },
  });

  // Warm-up (JIT, connection pools) on another class, so the surge's room is still uncreated.
  for (const server of [api, baseline])
    await load({
      url: server.url,
      requests: joins(server, warmUp.id, 0, 200),
      connections: 20,
      amount: 400,
      maxSeconds: 30,
    });

  const surge = {};
  for (const [name, server] of [
    ['api', api],
    ['baseline', baseline],
  ]) {
    surge[name] = await withCpu(world, server, () =>
      arrivals({
        url: server.url,
        requests: joins(server, session.id, 0, TRAINEES),
        count: TRAINEES,
        rate: TRAINEES / 2,
        maxSeconds: 30,
      }),
    );
    console.log(describe(`surge ${TRAINEES} joins in 2 s, ${name}`, surge[name]));
  }
  // The flat-out class is warmed up too (its 40,000-name copy loaded, the code paths optimized):
  // the rounds measure the steady state; the surge above measured a class nobody had joined.
  for (const server of [api, baseline])
    await load({
      url: server.url,
      requests: joins(server, flatOutSession.id, FLAT_OUT_USERS - 2_000, 2_000),
      connections: 20,
      amount: 2_000,
      maxSeconds: 30,
    });
  // Flat out, in alternating rounds so that a noisy machine slows both sides alike.
  const flatOut = { api: [], baseline: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, server] of [
      ['api', api],
      ['baseline', baseline],
    ]) {
      const r = await withCpu(world, server, () =>
        load({
          url: server.url,
          requests: joins(server, flatOutSession.id, TRAINEES, FLAT_OUT_USERS),
          connections: 50,
          duration: ROUND_SECONDS,
        }),
      );
      console.log(describe(`flat out round ${round + 1}, ${name}`, r));
      flatOut[name].push(r);
    }
  }
  const { rows } = await db.query(`SELECT room_created_at FROM live_sessions WHERE id = $1`, [session.id]);
  if (!rows[0].room_created_at) throw new Error('the room was never created');
  const best = (runs) => runs.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
  const ratio = round(median(flatOut.api.map((r, i) => r.perSecond / flatOut.baseline[i].perSecond)), 2);
  const result = {
    benchmark: 'join-surge',
    machine: machine(),
    trainees: TRAINEES,
    surge,
    flatOut: {
      api: best(flatOut.api),
      baseline: best(flatOut.baseline),
      rounds: ROUNDS,
      secondsEach: ROUND_SECONDS,
    },
    throughputRatio: ratio,
    targets: {
      p99Under100ms: surge.api.p99 < 100,
      noErrors: surge.api.errors === 0 && flatOut.api.every((r) => r.errors === 0),
      halfOfBaseline: ratio >= 0.5,
    },
  };
  console.log(`throughput ratio API / bare Fastify: ${ratio} (target ≥ 0.5)`);
  return result;
});
