import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { QueueName, type QuizOpenedJob } from '@/core/queue/queue-name';
import { workerOptions } from '@/core/queue/worker-options';
import { CohortQuizzesService } from '../cohort-quizzes.service';

/** At a quiz window's opening (a delayed job), tells the cohort's trainees, if the window still opens then. */
@Processor(QueueName.QuizWindows, workerOptions(2))
export class TellQuizOpenedJob extends WorkerHost {
  constructor(private readonly cohortQuizzes: CohortQuizzesService) {
    super();
  }

  process(job: Job<QuizOpenedJob>): Promise<string | null> {
    return this.cohortQuizzes.tellOpened(job.data);
  }
}
