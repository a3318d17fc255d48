import type { Queue } from 'bullmq';
import type { JobState } from '@mre/contracts';
import type { JobStatus } from './job-source';

/**
 * The status of a job whose state BullMQ alone keeps, or null when the queue has no such job or
 * `mayFollow` refuses it (its payload says who started it).
 */
export async function queueJobStatus<T>(
  queue: Queue<T>,
  jobId: string,
  mayFollow: (data: T) => boolean,
): Promise<JobStatus | null> {
  const asked = await queue.getJob(jobId);
  if (!asked || !mayFollow(asked.data)) return null;
  const state = stateOf(await asked.getState());
  // Read again once it has ended: the first read may predate its result.
  const job = state === 'completed' || state === 'failed' ? ((await queue.getJob(jobId)) ?? asked) : asked;
  return {
    id: jobId,
    state,
    progress: typeof job.progress === 'number' ? job.progress : 0,
    ...(state === 'completed' && job.returnvalue ? { result: job.returnvalue } : {}),
    ...(state === 'failed' && job.failedReason ? { failureReason: job.failedReason } : {}),
  };
}

/** BullMQ's states in the contract's words: a job waiting for a retry (delayed) is waiting. */
function stateOf(state: string): JobState {
  return state === 'active' || state === 'completed' || state === 'failed' ? state : 'waiting';
}
