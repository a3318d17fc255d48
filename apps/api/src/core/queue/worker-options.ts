/**
 * Options for every @Processor. A job whose worker dies keeps its lock for `lockDuration`, then the
 * stalled-job check hands it to another worker. QUEUE_LOCK_MS is read when the worker process
 * loads this file (decorators are evaluated at import), which is when a process starts.
 */
export function workerOptions(concurrency: number): {
  concurrency: number;
  lockDuration: number;
  stalledInterval: number;
  maxStalledCount: number;
} {
  const lockDuration = Number(process.env.QUEUE_LOCK_MS) || 30_000;
  return { concurrency, lockDuration, stalledInterval: lockDuration, maxStalledCount: 2 };
}
