import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { QueueName, RecordingRetentionJob } from '@/core/queue/queue-name';
import { workerOptions } from '@/core/queue/worker-options';
import { RecordingsService } from '../recordings.service';

/** Every night at 02:30 UTC, off the class hours of every time zone the academy teaches in. */
export const RECORDING_RETENTION_SCHEDULE = { pattern: '30 2 * * *', tz: 'UTC' };

/**
 * Deletes the files of recordings past their retention and marks them expired. The schedule lives
 * in Redis as a BullMQ job scheduler (one per queue, whatever the number of workers); each worker
 * sets it again at start, so a Redis that lost it gets it back with the next deployment or restart.
 */
@Processor(QueueName.RecordingRetention, workerOptions(1))
export class ExpireRecordingsJob extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly recordings: RecordingsService,
    @InjectQueue(QueueName.RecordingRetention) private readonly queue: Queue<RecordingRetentionJob>,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('daily', RECORDING_RETENTION_SCHEDULE, {
      name: 'expire',
      data: {},
      opts: { removeOnComplete: 30, removeOnFail: 30 },
    });
  }

  /**
   * Fails when some files could not be deleted, after the others expired: the job's reason names
   * them, and BullMQ's retries try again (what expired already is not done twice).
   */
  async process(_job: Job<RecordingRetentionJob>): Promise<{ expired: number; stuck: number }> {
    const run = await this.recordings.expireDue();
    if (run.failed.length > 0)
      throw new Error(
        `${run.expired} recording(s) expired; the files of ${run.failed.length} could not be deleted: ${run.failed.join(', ')}`,
      );
    return { expired: run.expired, stuck: run.stuck };
  }
}
