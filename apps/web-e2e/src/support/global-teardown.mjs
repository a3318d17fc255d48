import { rmSync } from 'node:fs';
import { once } from 'node:events';
import Redis from 'ioredis';
import pg from 'pg';

/** Stops the API and the worker, drops the run's database and queue keys, and removes its temporary folders. */
export default async function globalTeardown() {
  const state = globalThis.__E2E__;
  if (!state) return;
  globalThis.__E2E__ = undefined;
  const { server, worker, database, queuePrefix, dataDir } = state;

  await Promise.all([stop(server), worker && stop(worker)]);

  const client = new pg.Client({ connectionString: database.serverUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${database.name} WITH (FORCE)`);
  await client.end();
  if (database.embedded) {
    await database.embedded.stop();
    rmSync(database.embeddedDir, { recursive: true, force: true });
  }

  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${queuePrefix}:*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();

  rmSync(dataDir, { recursive: true, force: true });
  if (process.env.E2E_SCREENSHOT_DIR)
    process.stdout.write(`\nScreenshots: ${process.env.E2E_SCREENSHOT_DIR}\n`);
}

/** SIGTERM for a graceful shutdown; SIGKILL if it has not exited after 10 s. */
async function stop(server) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = once(server, 'exit');
  server.kill('SIGTERM');
  const killer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(killer);
}
