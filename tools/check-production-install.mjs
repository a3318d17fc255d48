// Starts the built API and worker from a production install (`npm ci --omit=dev`, as the Docker
// images install) against a fresh database, and stops them once both are up: a runtime dependency
// left among the devDependencies fails here instead of in a deployment. Needs `dist/apps/api`
// (npm test builds it), PostgreSQL (DATABASE_URL's server, else an embedded one) and Redis.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, deleteQueueKeys, startApi, startWorker, WORKSPACE } from './platform.mjs';

const dir = mkdtempSync(join(tmpdir(), 'mre-production-'));
const run = randomBytes(6).toString('hex');
const started = [];
let database;
let restored;
try {
  for (const file of ['package.json', 'package-lock.json']) cpSync(join(WORKSPACE, file), join(dir, file));
  // The lockfile names the workspace's own tools package; a production install leaves it out.
  cpSync(join(WORKSPACE, 'tools'), join(dir, 'tools'), { recursive: true });
  execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    stdio: 'inherit',
  });
  cpSync(join(WORKSPACE, 'dist/apps/api'), join(dir, 'dist/apps/api'), { recursive: true });
  const dist = join(dir, 'dist/apps/api/apps/api/src');

  database = await createDatabase(`mre_production_${run}`);
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    QUEUE_PREFIX: `mre-production-${run}`,
    DATA_DIR: join(dir, 'data'),
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_EMAIL: 'admin@production-check.test',
    ADMIN_PASSWORD: randomBytes(12).toString('hex'),
    LIVEKIT_URL: 'ws://127.0.0.1:7880',
    LIVEKIT_API_KEY: 'production-check',
    LIVEKIT_API_SECRET: randomBytes(32).toString('hex'),
    WEB_DIST: join(WORKSPACE, 'dist/apps/web'),
  };
  // Generous: on a small CI machine the first start of a fresh install takes a while.
  const api = await startApi(env, { dist, timeoutMs: 120_000 });
  started.push(api);
  console.log(`The production install's API answers ${api.url}/api/health`);
  started.push(await startWorker(env, { dist, timeoutMs: 120_000 }));
  console.log("The production install's worker is processing jobs");

  // The image also runs npm run backup and npm run restore: from this install alone, with its build.
  await Promise.all(started.splice(0).map((process) => process.stop()));
  const archive = join(dir, 'backup.tar.gz');
  const tool = (script, args, extra = {}) =>
    execFileSync(process.execPath, [join(dir, 'tools', script), ...args], {
      cwd: dir,
      env: { ...process.env, ...env, ...extra },
      stdio: 'inherit',
    });
  tool('backup.mjs', ['--out', archive]);
  restored = await createDatabase(`mre_production_${run}_restored`);
  tool('restore.mjs', [archive], { DATABASE_URL: restored.url, DATA_DIR: join(dir, 'restored') });
  console.log("The production install's backup restores");
} finally {
  await Promise.all(started.map((process) => process.stop()));
  await database?.drop();
  await restored?.drop();
  await deleteQueueKeys(`mre-production-${run}`);
  rmSync(dir, { recursive: true, force: true });
}
