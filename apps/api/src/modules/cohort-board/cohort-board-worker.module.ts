import { Module } from '@nestjs/common';
import { NotificationsModule } from '@/modules/notifications/notifications.module';
import { TellWaitingQuestionsJob } from './jobs/tell-waiting-questions.job';
import { WaitingQuestionsService } from './waiting-questions.service';

/** The board's hourly job (staff told of questions left unanswered); only the worker imports this module. */
@Module({
  imports: [NotificationsModule],
  providers: [WaitingQuestionsService, TellWaitingQuestionsJob],
})
export class CohortBoardWorkerModule {}
