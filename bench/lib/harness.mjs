// What every benchmark needs around the code under test: a throwaway database and queue prefix, a
// stand-in LiveKit, the built API and worker as child processes, access tokens, and a clean-up that
// runs even when a benchmark fails or is interrupted.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem, platform, release } from 'node:os';
import { join, resolve } from 'node:path';
import {
  API_DIST,
  createDatabase,
  deleteQueueKeys,
  freePort,
  startApi as startPlatformApi,
  startProcess,
  startWorker as startPlatformWorker,
} from '@mre/tools/platform';

const require = createRequire(import.meta.url);
const pg = require('pg');
const jwt = require('jsonwebtoken');
const { default: Redis } = require('ioredis');

/** The built API under test; BENCH_DIST points at another build (say, a copy from before a change) to compare. */
export const DIST = process.env.BENCH_DIST ? resolve(process.env.BENCH_DIST) : API_DIST;
export const LIVEKIT_KEY = 'bench-key';
export const LIVEKIT_SECRET = 'bench-secret-that-is-long-enough-0123456789';
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Clean-ups, newest first; also run on Ctrl-C so that no database or child process is left behind. */
const cleanups = [];
let cleaning;
export function onCleanup(fn) {
  cleanups.unshift(fn);
}
export function cleanup() {
  cleaning ??= (async () => {
    for (const fn of cleanups.splice(0)) {
      try {
        await fn();
      } catch (error) {
        console.error(`clean-up step failed: ${error instanceof Error ? error.message : error}`);
      }
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => void cleanup().finally(() => process.exit(130)));
}

/** Runs a benchmark's main, prints its result as the last line (`RESULT {...}`) and always cleans up. */
export async function runBenchmark(main) {
  if (!existsSync(join(DIST, 'main.js'))) {
    console.error('Build the API first: npx nx run api:build');
    process.exit(1);
  }
  let code = 0;
  try {
    const result = await main();
    console.log(`RESULT ${JSON.stringify(result)}`);
  } catch (error) {
    console.error(error);
    code = 1;
  } finally {
    await cleanup();
  }
  process.exit(code);
}

export function machine() {
  const cpu = cpus();
  return {
    cpus: cpu.length,
    model: cpu[0]?.model ?? 'unknown',
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${platform()} ${release()}`,
  };
}

/**
 * A fresh database on the PostgreSQL server of DATABASE_URL and a unique queue prefix in Redis,
 * both removed by cleanup(). Answers the run's name, the database URL and a pg pool on it.
 */
export async function createWorld(label) {
  const run = `bench_${label}_${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const database = await createDatabase(run, SERVER_URL);
  onCleanup(async () => {
    // BENCH_KEEP_DB=1 keeps the seeded database to look at query plans; drop it by hand after.
    if (process.env.BENCH_KEEP_DB) console.error(`kept database ${run}`);
    else await database.drop();
  });
  onCleanup(() => deleteQueueKeys(run, REDIS_URL));
  const dataDir = mkdtempSync(join(tmpdir(), 'mre-bench-'));
  onCleanup(() => rmSync(dataDir, { recursive: true, force: true }));

  const databaseUrl = database.url;
  const db = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  onCleanup(() => db.end());
  const livekit = await startFakeLiveKit();
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    QUEUE_PREFIX: run,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_EMAIL: `admin@${run.replace(/_/g, '-')}.test`,
    ADMIN_PASSWORD: randomBytes(12).toString('hex'),
    LIVEKIT_URL: livekit.url,
    LIVEKIT_API_KEY: LIVEKIT_KEY,
    LIVEKIT_API_SECRET: LIVEKIT_SECRET,
    DATA_DIR: dataDir,
    DEMO_DATA: 'false',
    // No web app: the benchmarks measure the API only (weak-link.bench.mjs gives its own).
    WEB_DIST: join(dataDir, 'no-web'),
  };
  return { run, databaseUrl, db, env, livekit };
}

/**
 * Replaces one of the API's version stamps (core/redis/version-stamps.ts), as a committed change
 * would: every copy held under the old stamp is reloaded on its next use.
 */
export function stampChanger(world) {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  onCleanup(() => redis.quit());
  let n = 0;
  return (key) => void redis.set(`${world.env.QUEUE_PREFIX}:stamp:${key}`, `bench-${++n}`);
}

/** Answers `{}` to every Twirp call (CreateRoom…), as a LiveKit server that agrees at once. */
async function startFakeLiveKit() {
  let calls = 0;
  const server = createServer((req, res) => {
    calls++;
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  onCleanup(() => new Promise((done) => server.close(() => done())));
  return { url: `ws://127.0.0.1:${server.address().port}`, calls: () => calls };
}

/** A started process of the platform tooling, stopped by cleanup(). */
function stoppedOnCleanup(started) {
  onCleanup(() => started.stop());
  return started;
}

/** The built HTTP API (dist/…/main.js) on a free port; it migrates the database and creates the admin. */
export async function startApi(world, extraEnv = {}) {
  // BENCH_API_NODE_OPTIONS reaches the API only (say, a --require that starts a profiler).
  const nodeOptions = process.env.BENCH_API_NODE_OPTIONS
    ? { NODE_OPTIONS: process.env.BENCH_API_NODE_OPTIONS }
    : {};
  return stoppedOnCleanup(
    await startPlatformApi({ ...world.env, ...nodeOptions, ...extraEnv }, { dist: DIST }),
  );
}

/** One worker process (dist/…/worker.js): the BullMQ processors. */
export async function startWorker(world, extraEnv = {}) {
  return stoppedOnCleanup(await startPlatformWorker({ ...world.env, ...extraEnv }, { dist: DIST }));
}

/** The bare Fastify server of baseline-server.mjs, the floor the API is compared with. */
export async function startBaseline(world) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const baseline = stoppedOnCleanup(
    startProcess('The baseline', resolve('bench/baseline-server.mjs'), { ...world.env, PORT: String(port) }),
  );
  await baseline.until('the baseline server', async () => (await fetch(`${url}/health`)).ok);
  return Object.assign(baseline, { url, port, usesDatabase: false });
}

/** An access token exactly as the API signs one (AuthModule: HS256, 15 minutes). */
export function accessToken(world, user) {
  return jwt.sign(
    { sub: user.id, role: user.role, centreId: user.centreId ?? null, networkId: user.networkId ?? null },
    world.env.JWT_SECRET,
    {
      algorithm: 'HS256',
      expiresIn: 15 * 60,
    },
  );
}

export async function adminToken(world) {
  const { rows } = await world.db.query(
    `SELECT id FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1`,
  );
  return accessToken(world, { id: rows[0].id, role: 'admin' });
}

/** Milliseconds since `start` (process.hrtime.bigint()). */
export function msSince(start) {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const TICKS_PER_SECOND = 100;

/** CPU time (user + system, ms) the given processes have used so far; gone processes count 0. */
export function cpuMs(pids) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process has exited
    }
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** The PostgreSQL backend processes serving the benchmark's database (the API's pool, the worker's). */
export async function postgresPids(world) {
  const { rows } = await world.db.query(
    `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
    [world.run],
  );
  return rows.map((r) => r.pid);
}

/**
 * Runs `fn` and answers its result with the CPU milliseconds that `server` (a started process) and
 * the database's backends spent per request: a figure that holds better than throughput when other
 * work shares the machine.
 */
export async function withCpu(world, server, fn) {
  const pg = server.usesDatabase === false ? [] : await postgresPids(world);
  const before = { app: cpuMs([server.pid]), db: cpuMs(pg) };
  const result = await fn();
  const pgAfter = server.usesDatabase === false ? [] : await postgresPids(world);
  const app = cpuMs([server.pid]) - before.app;
  // Backends opened during the run started from zero.
  const db = cpuMs(pgAfter) - before.db;
  const n = Math.max(1, result.requests);
  return { ...result, cpuMsPerRequest: { app: round2(app / n), db: round2(db / n) } };
}

function round2(x) {
  return Math.round(x * 100) / 100;
}
