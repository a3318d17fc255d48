import { randomBytes } from 'node:crypto';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createDatabase, freePort, startApi, startWorker, WORKSPACE } from '@mre/tools/platform';

const WEB_INDEX = join(WORKSPACE, 'dist/apps/web/index.html');
const ADMIN_EMAIL = 'admin@academy.test';
const ADMIN_PASSWORD = 'admin-password-for-browser-tests';

/**
 * Starts the platform as it ships (the built API serving the built web app) on a free port, with a
 * database, queue prefix and data folder of its own. The tests find it through E2E_* variables.
 */
export default async function globalSetup() {
  if (!existsSync(WEB_INDEX))
    throw new Error(`${WEB_INDEX} is missing: run "npx nx run web-e2e:test", which builds api and web first`);
  const run = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(2).toString('hex')}`;
  const database = await createDatabase(`mre_e2e_${randomBytes(6).toString('hex')}`);
  const queuePrefix = `mre-e2e-${randomBytes(6).toString('hex')}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'mre-e2e-data-'));
  // A copy of the built web app, which a test may change to publish a "new release" (the service
  // worker's update prompt) without touching the build.
  const webDist = join(dataDir, 'web');
  cpSync(dirname(WEB_INDEX), webDist, { recursive: true });
  globalThis.__E2E__ = { database, queuePrefix, dataDir };
  const env = {
    DATABASE_URL: database.url,
    QUEUE_PREFIX: queuePrefix,
    DATA_DIR: dataDir,
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    DEMO_DATA: 'on',
    WEB_DIST: webDist,
    NODE_ENV: 'test',
  };

  let baseUrl;
  try {
    // PUBLIC_URL names the API's own origin, so the port is chosen before it starts.
    const port = String(await freePort());
    baseUrl = `http://127.0.0.1:${port}`;
    globalThis.__E2E__.server = await startApi({ ...env, PORT: port, PUBLIC_URL: baseUrl });
    // The queue processors (CSV imports...) run in their own process, as in production. Started once
    // the API has applied the migrations, with the same database and queue prefix.
    globalThis.__E2E__.worker = await startWorker({ ...env, PUBLIC_URL: baseUrl });
    // What both processes print, for a test's failure message (a job that never ended, say).
    for (const [name, started] of [
      ['api', globalThis.__E2E__.server],
      ['worker', globalThis.__E2E__.worker],
    ]) {
      const log = createWriteStream(join(dataDir, `${name}.log`));
      log.write(started.output());
      started.child.stdout.pipe(log);
      started.child.stderr.pipe(log);
    }
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
    E2E_WEB_DIST: webDist,
    // The worker writes the e-mails it sends there (mail/*.eml): reset links are read from them.
    E2E_DATA_DIR: dataDir,
    // For state no page can make here, such as a recording (the platform under test has no LiveKit).
    E2E_DATABASE_URL: database.url,
  });
  process.stdout.write(`\nPlatform under test: ${baseUrl}\nScreenshots: ${screenshotDir}\n`);
}
