import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';

/**
 * One definition of the connection, used by the app, the migration generator and the tests.
 * `poolSize` connections per process: a few per core of the database's machine do the work;
 * more only make its backends take turns on the cores (20 per process cost the schedule a third
 * of its throughput at 100 concurrent users on 2 cores, see bench/README.md).
 */
export function databaseOptions(url: string, poolSize = 6): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [join(__dirname, '../../modules/**/*.entity.{ts,js}')],
    migrations: [join(__dirname, 'migrations/*.{ts,js}')],
    migrationsTransactionMode: 'each',
    // gen_random_uuid() is built into PostgreSQL 13+, so ids need no extra extension.
    uuidExtension: 'pgcrypto',
    synchronize: false,
    // No JIT: it compiled for seconds on every dashboard query over a million rows and gains
    // nothing on the short queries that make up the rest (see bench/README.md).
    extra: { max: poolSize, connectionTimeoutMillis: 5000, options: '-c jit=off' },
  };
}
