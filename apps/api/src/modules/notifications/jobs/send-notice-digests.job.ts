import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { NoticeDigestJob, QueueName } from '@/core/queue/queue-name';
import { workerOptions } from '@/core/queue/worker-options';
import { NoticeDigestService } from '../notice-digest.service';

/** Every quarter of an hour: zones offset by :30 or :45 reach their 07:00 at one of these too. */
export const NOTICE_DIGEST_SCHEDULE = { pattern: '*/15 * * * *', tz: 'UTC' };

/**
 * Sends the daily digests due in this quarter of an hour. The schedule lives in Redis as a BullMQ
 * job scheduler (one per queue, whatever the number of workers), set again by each worker at start.
 */
@Processor(QueueName.NoticeDigest, workerOptions(1))
export class SendNoticeDigestsJob extends WorkerHost implements OnApplicationBootstrap {
  constructor(
    private readonly digests: NoticeDigestService,
    @InjectQueue(QueueName.NoticeDigest) private readonly queue: Queue<NoticeDigestJob>,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler('hourly', NOTICE_DIGEST_SCHEDULE, {
      name: 'digest',
      data: {},
      opts: { removeOnComplete: 50, removeOnFail: 50 },
    });
  }

  async process(job: Job<NoticeDigestJob>): Promise<{ sent: number }> {
    return { sent: await this.digests.sendDue(job.data.at ? new Date(job.data.at) : new Date()) };
  }
}
