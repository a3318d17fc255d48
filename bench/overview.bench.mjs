// The programme dashboard over a million attendance segments.
//   npx nx run api:build && node bench/overview.bench.mjs [runs=7]
// Seeds (SQL) the reads benchmark's programme (2,000 cohorts, 100,000 enrollments) with 10 held
// sessions per cohort and one attendance segment per enrolled person and held session: 1,000,000
// rows in attendance_segments. Then GET /api/reports/overview as an admin: one warm-up, then `runs`
// requests one after another (the median is the figure), for the whole programme and filtered by a
// network. The presence the worker stores per session and person (attendance_presence) is filled
// from the segments by the worker's own statement, timed apart as part of seeding. The floor: a
// single PostgreSQL pass over the segments (count and summed duration), the least any attendance
// figure computed from them at read time would cost.
import { adminToken, createWorld, machine, median, msSince, runBenchmark, startApi } from './lib/harness.mjs';
import { round } from './lib/load.mjs';
import { refreshPresence, seedProgramme } from './lib/seed.mjs';

const RUNS = Number(process.argv[2] ?? 7);
const SCALE = {
  courses: 10_000,
  cohorts: 2_000,
  trainees: 20_000,
  enrollmentsPerTrainee: 5,
  pastSessions: 10,
  upcomingSessions: 2,
};

async function timed(runs, fn) {
  await fn(); // warm-up
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await fn();
    times.push(round(msSince(started), 1));
  }
  return {
    medianMs: round(median(times), 1),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    runs: times,
  };
}

runBenchmark(async () => {
  const world = await createWorld('overview');
  const api = await startApi(world);
  const { db } = world;

  const seeding = Date.now();
  const { networkIds } = await seedProgramme(db, SCALE);
  // Everyone enrolled attends each held session once, for a varying part of it.
  await db.query(
    `INSERT INTO attendance_segments (session_id, participant_sid, user_id, joined_at, left_at)
     SELECT s.id, 'PA_' || substr(md5(s.id::text || e.user_id::text), 1, 12), e.user_id,
            s.starts_at + ((abs(hashtext(e.user_id::text || s.id::text)) % 30) || ' minutes')::interval,
            s.ends_at - ((abs(hashtext(s.id::text || e.user_id::text)) % 20) || ' minutes')::interval
       FROM live_sessions s
       JOIN enrollments e ON e.cohort_id = s.cohort_id AND e.status IN ('active', 'completed')
      WHERE s.ends_at <= now()`,
  );
  const presenceStarted = Date.now();
  await refreshPresence(db);
  const presenceSeconds = (Date.now() - presenceStarted) / 1000;
  await db.query('VACUUM ANALYZE');
  const { rows: counts } = await db.query(
    `SELECT (SELECT count(*) FROM attendance_segments)::int AS segments, (SELECT count(*) FROM live_sessions WHERE ends_at <= now())::int AS "heldSessions",
            (SELECT count(*) FROM enrollments)::int AS enrollments, (SELECT count(*) FROM attendance_presence)::int AS "presenceRows"`,
  );
  console.log(
    `seeded ${JSON.stringify(counts[0])} in ${((Date.now() - seeding) / 1000).toFixed(1)} s, of which the stored presence ${presenceSeconds.toFixed(1)} s`,
  );

  const token = await adminToken(world);
  let sample;
  const overview = (query) => async () => {
    const res = await fetch(`${api.url}/api/reports/overview${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = await res.json();
    if (!res.ok)
      throw new Error(
        `GET /api/reports/overview${query}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`,
      );
    sample ??= body;
    return body;
  };

  const whole = await timed(RUNS, overview(''));
  console.log(`overview, whole programme: median ${whole.medianMs} ms (${whole.runs.join(', ')})`);
  const network = await timed(RUNS, overview(`?networkId=${networkIds[0]}`));
  console.log(`overview, one network:     median ${network.medianMs} ms (${network.runs.join(', ')})`);
  const floor = await timed(RUNS, () =>
    db.query(`SELECT count(*), sum(extract(epoch FROM left_at - joined_at)) FROM attendance_segments`),
  );
  console.log(`floor, one pass over the segments in PostgreSQL: median ${floor.medianMs} ms`);
  if (sample.sessionsHeld !== counts[0].heldSessions)
    throw new Error(`sessionsHeld ${sample.sessionsHeld}, expected ${counts[0].heldSessions}`);

  return {
    benchmark: 'overview',
    machine: machine(),
    scale: counts[0],
    seeding: { presenceSeconds: Math.round(presenceSeconds * 10) / 10 },
    whole,
    network,
    floor,
    figures: {
      beneficiaries: sample.beneficiaries?.total,
      sessionsHeld: sample.sessionsHeld,
      hoursDelivered: sample.hoursDelivered,
      averageAttendancePercent: sample.averageAttendancePercent,
    },
    targets: { under300ms: whole.medianMs < 300 && network.medianMs < 300 },
  };
});
