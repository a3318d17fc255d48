import { Module } from '@nestjs/common';
import { AuditModule } from '@/modules/audit/audit.module';
import { ErasureService } from './erasure.service';
import { PersonalDataExportService } from './personal-data-export.service';
import { PrivacyController } from './privacy.controller';

/**
 * People's rights over their data: export and erasure. It reads and rewrites every context's
 * tables through its own statements (personal-data.queries.ts, erasure.queries.ts), as reporting
 * reads them; no other module depends on it.
 */
@Module({
  imports: [AuditModule],
  controllers: [PrivacyController],
  providers: [PersonalDataExportService, ErasureService],
})
export class PrivacyModule {}
