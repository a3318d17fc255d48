import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@/modules/audit/audit.module';
import { CatalogModule } from '@/modules/catalog/catalog.module';
import { CohortsModule } from '@/modules/cohorts/cohorts.module';
import { NotificationsModule } from '@/modules/notifications/notifications.module';
import { AnnouncementEntity } from './announcement.entity';
import { AnnouncementsService } from './announcements.service';
import { AnswerEntity } from './answer.entity';
import { BoardAccess } from './board-access';
import { BoardController } from './board.controller';
import { QuestionEntity } from './question.entity';
import { QuestionsService } from './questions.service';

/**
 * A cohort's announcements and question board. Depends on cohorts (who is in it), catalog (the
 * course files announcements attach; downloads keep GET /materials/:id/file and its rule),
 * notifications and audit; nothing depends on it.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([AnnouncementEntity, QuestionEntity, AnswerEntity]),
    CohortsModule,
    CatalogModule,
    NotificationsModule,
    AuditModule,
  ],
  controllers: [BoardController],
  providers: [BoardAccess, AnnouncementsService, QuestionsService],
})
export class CohortBoardModule {}
