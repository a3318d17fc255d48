import type { Logger } from '@nestjs/common';
import type { JobSchedulerTemplateOptions, Queue, RepeatOptions } from 'bullmq';

/**
 * Sets a queue's one schedule (a BullMQ job scheduler kept in Redis, so one worker of many runs
 * it) when a worker starts, without holding the start up: a worker started while Redis is away
 * schedules once it is back. Each start sets it again, which brings back a schedule Redis lost and
 * applies a changed pattern.
 */
export function keepSchedule(
  queue: Queue,
  id: string,
  repeat: Omit<RepeatOptions, 'key'>,
  job: { name: string; opts?: JobSchedulerTemplateOptions },
  logger: Logger,
): void {
  queue
    .upsertJobScheduler(id, repeat, { name: job.name, data: {}, opts: job.opts })
    .catch((error: Error) => logger.warn(`Schedule ${id} of ${queue.name} not set: ${error.message}`));
}
