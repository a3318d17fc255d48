import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttendanceModule } from '../attendance/attendance.module';
import { AuditModule } from '../audit/audit.module';
import { CohortsModule } from '../cohorts/cohorts.module';
import { UsersModule } from '../identity/users.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrganizationsModule } from '../organizations/organizations.module';
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
    UsersModule,
    OrganizationsModule,
    NotificationsModule,
    AuditModule,
  ],
  providers: [CertificateIssuer, CertificatePdfRenderer, IssueCertificatesJob],
})
export class CertificationWorkerModule {}
