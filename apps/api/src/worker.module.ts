import { Module } from '@nestjs/common';
import { CoreModule } from './core/core.module';
import { AssessmentWorkerModule } from './modules/assessment/assessment-worker.module';
import { CohortBoardWorkerModule } from './modules/cohort-board/cohort-board-worker.module';
import { CertificationWorkerModule } from './modules/certification/certification-worker.module';
import { CohortsWorkerModule } from './modules/cohorts/cohorts-worker.module';
import { LiveWorkerModule } from './modules/live/live-worker.module';
import { LiveKitWebhooksWorkerModule } from './modules/livekit-webhooks/livekit-webhooks-worker.module';
import { NotificationsWorkerModule } from './modules/notifications/notifications-worker.module';
import { PrivacyWorkerModule } from './modules/privacy/privacy-worker.module';

/** The queue processors, run by worker.ts and scaled apart from the API. */
@Module({
  imports: [
    CoreModule,
    NotificationsWorkerModule,
    CohortsWorkerModule,
    LiveKitWebhooksWorkerModule,
    CertificationWorkerModule,
    LiveWorkerModule,
    PrivacyWorkerModule,
    AssessmentWorkerModule,
    CohortBoardWorkerModule,
  ],
})
export class WorkerModule {}
