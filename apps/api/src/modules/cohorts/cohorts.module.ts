import { FeedTokensModule } from '@/modules/calendar/feed-tokens.module';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@/modules/audit/audit.module';
import { CatalogModule } from '@/modules/catalog/catalog.module';
import { CertifiedTrainersModule } from '@/modules/certification/certified-trainers.module';
import { UsersModule } from '@/modules/identity/users.module';
import { JobsModule } from '@/modules/jobs/jobs.module';
import { NotificationsModule } from '@/modules/notifications/notifications.module';
import { OrganizationsModule } from '@/modules/organizations/organizations.module';
import { CohortAccessService } from './cohort-access.service';
import { CohortPolicy } from './cohort-policy';
import { CohortEntity } from './cohort.entity';
import { CohortsController } from './cohorts.controller';
import { CohortsService } from './cohorts.service';
import { EnrollmentEntity } from './enrollment.entity';
import { EnrollmentsController } from './enrollments.controller';
import { EnrollmentsService } from './enrollments.service';
import { ImportJobEntity } from './import-job.entity';
import { ImportJobsService } from './import-jobs.service';
import { RosterService } from './roster.service';

export const COHORT_ENTITIES = [CohortEntity, EnrollmentEntity, ImportJobEntity];

@Module({
  imports: [
    TypeOrmModule.forFeature(COHORT_ENTITIES),
    AuditModule,
    CatalogModule,
    UsersModule,
    OrganizationsModule,
    CertifiedTrainersModule,
    JobsModule,
    NotificationsModule,
    FeedTokensModule,
  ],
  controllers: [CohortsController, EnrollmentsController],
  providers: [
    CohortsService,
    CohortAccessService,
    CohortPolicy,
    EnrollmentsService,
    ImportJobsService,
    RosterService,
  ],
  exports: [CohortsService, CohortAccessService, CohortPolicy],
})
export class CohortsModule {}
