// Reads at scale: the catalogue and "my schedule" with 10,000 courses and 100,000 enrollments.
//   npx nx run api:build && node bench/reads.bench.mjs [seconds=10]
// Seeds (SQL) 10,000 courses, 2,000 cohorts, 20,000 trainees enrolled in 5 cohorts each (100,000
// enrollments) and 20 weekly sessions per cohort (40,000), then, at 100 concurrent connections:
// - GET /api/courses?q=…&sector=…&pageSize=20, as trainees (search terms and sectors rotate);
// - the same, but with the catalogue's version stamp replaced before each request, as if a course
//   had just changed: every page is read from PostgreSQL instead of the API's copies (the cost of
//   a page no one asked for since the last change);
// - GET /api/sessions?pageSize=20, each request a different trainee's schedule;
// and the floor: the bare Fastify server answering a stored copy of each response (same size).
import {
  accessToken,
  createWorld,
  machine,
  runBenchmark,
  startApi,
  stampChanger,
  startBaseline,
  withCpu,
} from './lib/harness.mjs';
import { describe, load } from './lib/load.mjs';
import { SECTORS, seedProgramme } from './lib/seed.mjs';

const SECONDS = Number(process.argv[2] ?? 10);
const CONNECTIONS = 100;
const SCALE = {
  courses: 10_000,
  cohorts: 2_000,
  trainees: 20_000,
  enrollmentsPerTrainee: 5,
  pastSessions: 10,
  upcomingSessions: 10,
};
const TERMS = ['hydraul', 'maintenance', 'formation 12', 'وحدة', 'C-0042'];

runBenchmark(async () => {
  const world = await createWorld('reads');
  const api = await startApi(world);
  const baseline = await startBaseline(world);
  const { db } = world;

  const seeding = Date.now();
  await seedProgramme(db, SCALE);
  const { rows: counts } = await db.query(
    `SELECT (SELECT count(*) FROM courses)::int AS courses, (SELECT count(*) FROM enrollments)::int AS enrollments, (SELECT count(*) FROM live_sessions)::int AS sessions`,
  );
  console.log(`seeded ${JSON.stringify(counts[0])} in ${((Date.now() - seeding) / 1000).toFixed(1)} s`);
  const { rows: trainees } = await db.query(
    `SELECT id FROM users WHERE role = 'trainee' ORDER BY random() LIMIT 2000`,
  );
  const tokens = trainees.map((t) => accessToken(world, { id: t.id, role: 'trainee' }));

  const catalogPath = (i) =>
    `/api/courses?q=${encodeURIComponent(TERMS[i % TERMS.length])}&sector=${SECTORS[i % SECTORS.length]}&pageSize=20`;
  const changeStamp = stampChanger(world);
  const routes = {
    catalog: { path: catalogPath, check: (body) => Array.isArray(body.items) },
    catalogUncached: {
      path: (i) => {
        changeStamp('catalog');
        return catalogPath(i);
      },
      check: (body) => Array.isArray(body.items),
    },
    schedule: { path: () => '/api/sessions?pageSize=20', check: (body) => body.items?.length === 20 },
  };

  const results = {};
  for (const [name, route] of Object.entries(routes)) {
    // A real answer, checked, becomes the floor's document.
    const sample = await fetch(`${api.url}${route.path(1)}`, {
      headers: { authorization: `Bearer ${tokens[0]}` },
    });
    const body = await sample.json();
    if (!sample.ok || !route.check(body))
      throw new Error(`${name}: unexpected answer ${sample.status} ${JSON.stringify(body).slice(0, 300)}`);
    await fetch(`${baseline.url}/static/${name}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const bytes = JSON.stringify(body).length;

    const request = (i) => ({
      method: 'GET',
      path: route.path(i),
      headers: { authorization: `Bearer ${tokens[i % tokens.length]}` },
    });
    // Warm-up: JIT, pools, PostgreSQL's caches.
    await load({ url: api.url, requests: request, connections: 20, duration: 2 });
    const apiResult = await withCpu(world, api, () =>
      load({ url: api.url, requests: request, connections: CONNECTIONS, duration: SECONDS }),
    );
    console.log(describe(`${name} API (${bytes} B)`, apiResult));
    const floor = await withCpu(world, baseline, () =>
      load({
        url: baseline.url,
        requests: { method: 'GET', path: `/static/${name}` },
        connections: CONNECTIONS,
        duration: Math.min(SECONDS, 5),
      }),
    );
    console.log(describe(`${name} bare Fastify, static`, floor));
    results[name] = { api: apiResult, baseline: floor, responseBytes: bytes };
  }

  return {
    benchmark: 'reads',
    machine: machine(),
    scale: counts[0],
    connections: CONNECTIONS,
    seconds: SECONDS,
    ...results,
    targets: {
      catalogP99Under50ms: results.catalog.api.p99 < 50,
      scheduleP99Under50ms: results.schedule.api.p99 < 50,
      noErrors: Object.values(results).every((r) => r.api.errors === 0),
    },
  };
});
