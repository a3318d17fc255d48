// Running the built platform from scripts: `npm start`, the API tests' set-up, the browser tests'
// set-up and the benchmarks all start PostgreSQL, the API and the worker through these functions.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

const require = createRequire(import.meta.url);
const pg = require('pg');
const { default: Redis } = require('ioredis');

export const WORKSPACE = resolve(import.meta.dirname, '..');
/** The built API: `main.js` (HTTP) and `worker.js` (queue processors). */
export const API_DIST = join(WORKSPACE, 'dist/apps/api/apps/api/src');
/** What worker.ts logs once its queue processors listen. */
export const WORKER_READY = 'worker is processing jobs';
const REDIS_URL = () => process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A free TCP port on loopback. */
export function freePort() {
  return new Promise((done, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/** Polls `probe` until it answers something truthy; a probe that throws counts as "not yet". */
export async function waitUntil(what, probe, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await Promise.resolve()
      .then(probe)
      .catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await delay(100);
  }
}

/**
 * An embedded PostgreSQL (the API's own starter, from the build) in a folder of its own, on a
 * free port unless given one. `stop()` stops it and removes a throwaway server's folder.
 */
export async function startEmbeddedPostgres({ dir, port, database = 'postgres', persistent = false } = {}) {
  const dataDir = dir ?? mkdtempSync(join(tmpdir(), 'mre-pg-'));
  const { startEmbeddedPostgres: start } = require(join(API_DIST, 'core/database/embedded-postgres.js'));
  const server = await start({ dataDir, port: port ?? (await freePort()), database, persistent });
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      if (!persistent) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh database named `name` on DATABASE_URL's server, or on an embedded PostgreSQL started for
 * it when DATABASE_URL is unset. `drop()` removes the database (and the embedded server).
 */
export async function createDatabase(name, serverUrl = process.env.DATABASE_URL) {
  const embedded = serverUrl ? undefined : await startEmbeddedPostgres();
  const server = serverUrl ?? embedded.url;
  await withClient(server, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = Object.assign(new URL(server), { pathname: `/${name}` }).toString();
  return {
    name,
    url,
    serverUrl: server,
    drop: async () => {
      await withClient(server, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      await embedded?.stop();
    },
  };
}

async function withClient(connectionString, fn) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Removes a run's queues and version stamps: every Redis key under `prefix:`. */
export async function deleteQueueKeys(prefix, redisUrl = REDIS_URL()) {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}

/**
 * A Node script as a child process with `env` added to this one's. Its output is kept (the last
 * 500 chunks) for error messages; `echo` also shows it here. `stop()` asks for a graceful shutdown
 * (SIGTERM), then kills it after 10 s.
 */
export function startProcess(name, script, env = {}, { echo = false, args = [] } = {}) {
  const child = spawn(process.execPath, [...args, script], {
    cwd: WORKSPACE,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks = [];
  const keep = (target) => (chunk) => {
    chunks.push(chunk.toString());
    if (chunks.length > 500) chunks.shift();
    if (echo) target.write(chunk);
  };
  child.stdout.on('data', keep(process.stdout));
  child.stderr.on('data', keep(process.stderr));
  const exited = once(child, 'exit');
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    name,
    child,
    pid: child.pid,
    exited,
    running,
    output: () => chunks.join(''),
    /** Waits for `probe`, failing at once with the output if the process exits first. */
    async until(what, probe, timeoutMs) {
      return waitUntil(
        `${name}: ${what}`,
        async () => {
          if (!running())
            throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}):\n${chunks.join('')}`);
          return probe();
        },
        timeoutMs,
      ).catch((error) => {
        throw running() ? new Error(`${error.message}\n${chunks.join('')}`) : error;
      });
    },
    async stop(signal = 'SIGTERM') {
      if (!running()) return;
      child.kill(signal);
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/**
 * The built HTTP API on `env.PORT` (a free port when unset), once `/api/health` answers 200.
 * Options: `dist` (another build, say one from before a change), `echo`, `timeoutMs`.
 */
export async function startApi(env = {}, options = {}) {
  const dist = builtApi(options.dist);
  const port = env.PORT ?? String(await freePort());
  const url = `http://127.0.0.1:${port}`;
  const api = startProcess('The API', join(dist, 'main.js'), { ...env, PORT: port }, options);
  await stopOnFailure(
    api,
    api.until(
      `GET ${url}/api/health to answer 200`,
      async () => (await fetch(`${url}/api/health`)).ok,
      options.timeoutMs,
    ),
  );
  return Object.assign(api, { url, port: Number(port) });
}

/** One worker process, once its queue processors listen. Start it after the API has migrated the database. */
export async function startWorker(env = {}, options = {}) {
  const worker = startProcess('The worker', join(builtApi(options.dist), 'worker.js'), env, options);
  await stopOnFailure(
    worker,
    worker.until(`"${WORKER_READY}"`, () => worker.output().includes(WORKER_READY), options.timeoutMs),
  );
  return worker;
}

/** A process that did not get ready is not left running behind the error. */
async function stopOnFailure(started, ready) {
  try {
    await ready;
  } catch (error) {
    await started.stop('SIGKILL');
    throw error;
  }
}

function builtApi(dist = API_DIST) {
  if (!existsSync(join(dist, 'main.js')))
    throw new Error(`${dist}/main.js is missing: build the API first (npx nx run api:build)`);
  return dist;
}
