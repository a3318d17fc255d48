import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@/modules/audit/audit.module';
import { CohortsModule } from '@/modules/cohorts/cohorts.module';
import { JobsModule } from '@/modules/jobs/jobs.module';
import { NotificationsModule } from '@/modules/notifications/notifications.module';
import { CertificateFileEntity } from './certificate-file.entity';
import { CertificateEntity } from './certificate.entity';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([CertificateEntity, CertificateFileEntity]),
    CohortsModule,
    AuditModule,
    JobsModule,
    NotificationsModule,
  ],
  controllers: [CertificatesController],
  providers: [CertificatesService],
  exports: [CertificatesService],
})
export class CertificationModule {}
