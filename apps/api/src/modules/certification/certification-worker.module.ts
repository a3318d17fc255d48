import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AssessmentModule } from '@/modules/assessment/assessment.module';
import { AttendanceModule } from '@/modules/attendance/attendance.module';
import { AuditModule } from '@/modules/audit/audit.module';
import { CohortsModule } from '@/modules/cohorts/cohorts.module';
import { UsersModule } from '@/modules/identity/users.module';
import { NotificationsModule } from '@/modules/notifications/notifications.module';
import { OrganizationsModule } from '@/modules/organizations/organizations.module';
import { CertificateFileEntity } from './certificate-file.entity';
import { CertificateEntity } from './certificate.entity';
import { CertificateIssuer } from './certificate-issuer.service';
import { CertificatePdfRenderer } from './certificate-pdf.renderer';
import { IssueCertificatesJob } from './jobs/issue-certificates.job';

/** The certificate processor and its browser; only the worker process imports this module. */
@Module({
  imports: [
    TypeOrmModule.forFeature([CertificateEntity, CertificateFileEntity]),
    CohortsModule,
    AttendanceModule,
    AssessmentModule,
    UsersModule,
    OrganizationsModule,
    NotificationsModule,
    AuditModule,
  ],
  providers: [CertificateIssuer, CertificatePdfRenderer, IssueCertificatesJob],
})
export class CertificationWorkerModule {}
