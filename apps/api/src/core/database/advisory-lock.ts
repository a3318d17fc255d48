import type { DataSource } from 'typeorm';
import type { Statement } from './sql-params';

const lock = (key: number): Statement => ['SELECT pg_advisory_lock($1)', [key]];
const unlock = (key: number): Statement => ['SELECT pg_advisory_unlock($1)', [key]];

/**
 * Runs `work` while this connection holds the PostgreSQL advisory lock `key`: processes starting at
 * once take turns. The lock is let go however `work` ends.
 */
export async function withAdvisoryLock(
  dataSource: DataSource,
  key: number,
  work: () => Promise<void>,
): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query(...lock(key));
    await work();
  } finally {
    await runner.query(...unlock(key)).catch(() => undefined);
    await runner.release();
  }
}
