import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@/modules/audit/audit.module';
import { CohortsModule } from '@/modules/cohorts/cohorts.module';
import { LiveModule } from '@/modules/live/live.module';
import { FeedbackController } from './feedback.controller';
import { FeedbackService } from './feedback.service';
import { SessionFeedbackEntity } from './session-feedback.entity';

/**
 * The trainees' survey after each held session. Depends on live (the session) and cohorts (who
 * answers); the request to answer is sent with the session's reminders (notifications).
 */
@Module({
  imports: [TypeOrmModule.forFeature([SessionFeedbackEntity]), LiveModule, CohortsModule, AuditModule],
  controllers: [FeedbackController],
  providers: [FeedbackService],
  exports: [FeedbackService],
})
export class FeedbackModule {}
