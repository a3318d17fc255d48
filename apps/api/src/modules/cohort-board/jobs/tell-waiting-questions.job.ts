import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '@/core/queue/queue-name';
import { workerOptions } from '@/core/queue/worker-options';
import { WaitingQuestionsService } from '../waiting-questions.service';

/** The one schedule of the BoardWaiting queue, upserted by every worker (so there is exactly one). */
export const WAITING_QUESTIONS_SCHEDULER_ID = 'hourly-waiting-questions';

/**
 * Once an hour, tells staff of the questions that have just passed the waiting time. The schedule
 * lives in Redis: one worker of many runs it, and each upserts it at start.
 */
@Processor(QueueName.BoardWaiting, workerOptions(1))
export class TellWaitingQuestionsJob extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(TellWaitingQuestionsJob.name);

  constructor(
    private readonly waiting: WaitingQuestionsService,
    @InjectQueue(QueueName.BoardWaiting) private readonly queue: Queue,
  ) {
    super();
  }

  /** Not awaited: a worker starts while Redis is away, and schedules once it is back. */
  onApplicationBootstrap(): void {
    this.queue
      .upsertJobScheduler(
        WAITING_QUESTIONS_SCHEDULER_ID,
        { pattern: '20 * * * *' },
        {
          name: 'tell-staff',
          data: {},
          opts: { removeOnComplete: { count: 24 }, removeOnFail: { count: 24 } },
        },
      )
      .catch((error: Error) => this.logger.warn(`Waiting-questions schedule not set: ${error.message}`));
  }

  async process(): Promise<number> {
    return (await this.waiting.tellStaff()).length;
  }
}
