import { rmSync } from 'node:fs';
import { deleteQueueKeys } from '@mre/tools/platform';

/** Stops the API and the worker, drops the run's database and queue keys, and removes its temporary folders. */
export default async function globalTeardown() {
  const state = globalThis.__E2E__;
  if (!state) return;
  globalThis.__E2E__ = undefined;
  const { server, worker, database, queuePrefix, dataDir } = state;
  await Promise.all([server?.stop(), worker?.stop()]);
  await database.drop();
  await deleteQueueKeys(queuePrefix);
  rmSync(dataDir, { recursive: true, force: true });
  if (process.env.E2E_SCREENSHOT_DIR)
    process.stdout.write(`\nScreenshots: ${process.env.E2E_SCREENSHOT_DIR}\n`);
}
