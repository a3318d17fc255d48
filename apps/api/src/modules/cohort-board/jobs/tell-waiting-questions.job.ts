import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '@/core/queue/queue-name';
import { keepSchedule } from '@/core/queue/keep-schedule';
import { workerOptions } from '@/core/queue/worker-options';
import { WaitingQuestionsService } from '../waiting-questions.service';

/** The one schedule of the BoardWaiting queue, upserted by every worker (so there is exactly one). */
export const WAITING_QUESTIONS_SCHEDULER_ID = 'hourly-waiting-questions';

/** Once an hour, tells staff of the questions that have just passed the waiting time. */
@Processor(QueueName.BoardWaiting, workerOptions(1))
export class TellWaitingQuestionsJob extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(TellWaitingQuestionsJob.name);

  constructor(
    private readonly waiting: WaitingQuestionsService,
    @InjectQueue(QueueName.BoardWaiting) private readonly queue: Queue,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    keepSchedule(
      this.queue,
      WAITING_QUESTIONS_SCHEDULER_ID,
      { pattern: '20 * * * *' },
      { name: 'tell-staff', opts: { removeOnComplete: { count: 24 }, removeOnFail: { count: 24 } } },
      this.logger,
    );
  }

  async process(): Promise<number> {
    return (await this.waiting.tellStaff()).length;
  }
}
