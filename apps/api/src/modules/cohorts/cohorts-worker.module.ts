import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@/modules/audit/audit.module';
import { FeedTokensModule } from '@/modules/calendar/feed-tokens.module';
import { UsersModule } from '@/modules/identity/users.module';
import { NotificationsModule } from '@/modules/notifications/notifications.module';
import { COHORT_ENTITIES } from './cohorts.module';
import { EnrollCsvJob } from './jobs/enroll-csv.job';
import { RosterService } from './roster.service';

/** The cohort processors (CSV enrollment imports); only the worker process imports this module. */
@Module({
  imports: [
    TypeOrmModule.forFeature(COHORT_ENTITIES),
    AuditModule,
    UsersModule,
    NotificationsModule,
    FeedTokensModule,
  ],
  providers: [RosterService, EnrollCsvJob],
})
export class CohortsWorkerModule {}
