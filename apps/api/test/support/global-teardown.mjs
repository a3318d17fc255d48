import Redis from 'ioredis';
import pg from 'pg';

/** Drops this run's database and queue keys, and stops the embedded server if one was started. */
export default async function globalTeardown() {
  const { serverUrl, database } = globalThis.__TEST_DATABASE__;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await client.end();
  await globalThis.__EMBEDDED_PG__?.stop();

  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${process.env.QUEUE_PREFIX}:*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
}
