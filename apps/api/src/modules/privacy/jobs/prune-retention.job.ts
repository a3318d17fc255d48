import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '@/core/config/app-config';
import { QueueName, RetentionJob, RetentionResult } from '@/core/queue/queue-name';
import { keepSchedule } from '@/core/queue/keep-schedule';
import { workerOptions } from '@/core/queue/worker-options';
import { RetentionService } from '../retention.service';

/** The one schedule of the Retention queue: upserted by every worker, so there is always exactly one. */
export const RETENTION_SCHEDULER_ID = 'daily-retention';

/** Prunes old logs once a day, at RETENTION_CRON in the programme's zone. */
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

  onApplicationBootstrap(): void {
    keepSchedule(
      this.queue,
      RETENTION_SCHEDULER_ID,
      { pattern: this.config.get('RETENTION_CRON'), tz: this.config.get('PROGRAMME_TIME_ZONE') },
      { name: 'prune', opts: { removeOnComplete: { count: 30 }, removeOnFail: { count: 30 } } },
      this.logger,
    );
  }

  process(): Promise<RetentionResult> {
    return this.retention.prune();
  }
}
