import { Module } from '@nestjs/common';
import { AssessmentModule } from './assessment.module';
import { TellQuizOpenedJob } from './jobs/tell-quiz-opened.job';

/** The assessment processors; only the worker process imports this module. */
@Module({ imports: [AssessmentModule], providers: [TellQuizOpenedJob] })
export class AssessmentWorkerModule {}
