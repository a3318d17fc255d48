import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '@/core/config/app-config';
import { QueueName, RetentionJob, RetentionResult } from '@/core/queue/queue-name';
import { workerOptions } from '@/core/queue/worker-options';
import { RetentionService } from '../retention.service';

/** The one schedule of the Retention queue: upserted by every worker, so there is always exactly one. */
export const RETENTION_SCHEDULER_ID = 'daily-retention';

/**
 * Prunes old logs once a day. The schedule lives in Redis (a BullMQ job scheduler), so that one
 * worker of many runs it; each worker upserts it when it starts, which also brings back a schedule
 * lost with Redis's memory and applies a changed RETENTION_CRON.
 */
@Processor(QueueName.Retention, workerOptions(1))
export class PruneRetentionJob extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(PruneRetentionJob.name);

  constructor(
    private readonly retention: RetentionService,
    private readonly config: AppConfig,
    @InjectQueue(QueueName.Retention) private readonly queue: Queue<RetentionJob, RetentionResult>,
  ) {
    super();
  }

  /** Not awaited: a worker starts while Redis is away, and schedules once it is back. */
  onApplicationBootstrap(): void {
    this.schedule().catch((error: Error) => this.logger.warn(`Retention schedule not set: ${error.message}`));
  }

  schedule(): Promise<unknown> {
    return this.queue.upsertJobScheduler(
      RETENTION_SCHEDULER_ID,
      { pattern: this.config.get('RETENTION_CRON'), tz: this.config.get('PROGRAMME_TIME_ZONE') },
      { name: 'prune', data: {}, opts: { removeOnComplete: { count: 30 }, removeOnFail: { count: 30 } } },
    );
  }

  process(): Promise<RetentionResult> {
    return this.retention.prune();
  }
}
