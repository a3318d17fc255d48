import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@/modules/audit/audit.module';
import { CatalogModule } from '@/modules/catalog/catalog.module';
import { CohortsModule } from '@/modules/cohorts/cohorts.module';
import { UsersModule } from '@/modules/identity/users.module';
import { NotificationsModule } from '@/modules/notifications/notifications.module';
import { AttemptsController } from './attempts.controller';
import { AttemptsService } from './attempts.service';
import { CohortQuizEntity } from './cohort-quiz.entity';
import { CohortQuizzesController } from './cohort-quizzes.controller';
import { CohortQuizzesService } from './cohort-quizzes.service';
import { QuizAttemptEntity } from './quiz-attempt.entity';
import { QuizOutcomesService } from './quiz-outcomes.service';
import { QuizEntity } from './quiz.entity';
import { QuizzesController } from './quizzes.controller';
import { QuizzesService } from './quizzes.service';

export const ASSESSMENT_ENTITIES = [QuizEntity, CohortQuizEntity, QuizAttemptEntity];

/**
 * Did they learn: quizzes written on a course's modules, opened by its cohorts, taken and graded
 * here. Depends on catalog (the course and its editors) and cohorts (who takes part), never the reverse.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(ASSESSMENT_ENTITIES),
    AuditModule,
    CatalogModule,
    CohortsModule,
    UsersModule,
    NotificationsModule,
  ],
  controllers: [QuizzesController, CohortQuizzesController, AttemptsController],
  providers: [QuizzesService, CohortQuizzesService, AttemptsService, QuizOutcomesService],
  exports: [AttemptsService, QuizOutcomesService, CohortQuizzesService],
})
export class AssessmentModule {}
