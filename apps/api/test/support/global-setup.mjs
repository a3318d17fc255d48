import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from '@mre/tools/platform';

/**
 * Makes this run's own database: on DATABASE_URL's server when set, else on an embedded
 * PostgreSQL started for the run. Queues get a prefix of their own in the shared Redis.
 */
export default async function globalSetup() {
  const run = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const database = await createDatabase(`mre_test_${run}`);
  globalThis.__TEST_DATABASE__ = database;
  process.env.MRE_TEST_SERVER_URL = database.serverUrl;
  process.env.DATABASE_URL = database.url;
  process.env.QUEUE_PREFIX = `mre-test-${run}`;
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'mre-test-data-'));
  process.env.NODE_ENV = 'test';
  process.env.JWT_SECRET = randomBytes(32).toString('hex');
  process.env.ADMIN_EMAIL = 'admin@academy.test';
  process.env.ADMIN_PASSWORD = 'admin-password-for-tests';
  process.env.PUBLIC_URL = 'http://academy.test';
}
