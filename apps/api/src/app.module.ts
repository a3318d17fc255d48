import { Module } from '@nestjs/common';
import { AuthModule } from './core/auth/auth.module';
import { CoreModule } from './core/core.module';
import { AssessmentModule } from './modules/assessment/assessment.module';
import { AttendanceModule } from './modules/attendance/attendance.module';
import { AuditModule } from './modules/audit/audit.module';
import { CalendarModule } from './modules/calendar/calendar.module';
import { CatalogModule } from './modules/catalog/catalog.module';
import { CertificationModule } from './modules/certification/certification.module';
import { CohortBoardModule } from './modules/cohort-board/cohort-board.module';
import { CohortsModule } from './modules/cohorts/cohorts.module';
import { CourseContentModule } from './modules/course-content/course-content.module';
import { FeedbackModule } from './modules/feedback/feedback.module';
import { HealthModule } from './modules/health/health.module';
import { IdentityModule } from './modules/identity/identity.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { LiveModule } from './modules/live/live.module';
import { LiveKitWebhooksModule } from './modules/livekit-webhooks/livekit-webhooks.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OrganizationsModule } from './modules/organizations/organizations.module';
import { PrivacyModule } from './modules/privacy/privacy.module';
import { RecordingConsentModule } from './modules/recording-consent/recording-consent.module';
import { ReportingModule } from './modules/reporting/reporting.module';
import { SetupModule } from './modules/setup/setup.module';

/** The HTTP API. It produces jobs but never consumes them (see WorkerModule). */
@Module({
  imports: [
    CoreModule,
    AuthModule,
    HealthModule,
    IdentityModule,
    OrganizationsModule,
    CatalogModule,
    CohortsModule,
    CourseContentModule,
    AssessmentModule,
    LiveModule,
    CalendarModule,
    AttendanceModule,
    FeedbackModule,
    LiveKitWebhooksModule,
    AuditModule,
    NotificationsModule,
    CertificationModule,
    JobsModule,
    ReportingModule,
    PrivacyModule,
    RecordingConsentModule,
    CohortBoardModule,
    SetupModule,
  ],
})
export class AppModule {}
