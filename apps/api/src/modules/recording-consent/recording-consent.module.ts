import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@/modules/audit/audit.module';
import { CohortsModule } from '@/modules/cohorts/cohorts.module';
import { RecordingConsentController } from './recording-consent.controller';
import { RecordingConsentEntity } from './recording-consent.entity';
import { RecordingConsentService } from './recording-consent.service';

/**
 * Recording consent, apart from the live module that records: it reads cohorts (their policy) and
 * sessions, and nothing depends on it.
 */
@Module({
  imports: [TypeOrmModule.forFeature([RecordingConsentEntity]), CohortsModule, AuditModule],
  controllers: [RecordingConsentController],
  providers: [RecordingConsentService],
})
export class RecordingConsentModule {}
