import { Module } from '@nestjs/common';
import { AuditModule } from '@/modules/audit/audit.module';
import { LiveKitWebhooksModule } from '@/modules/livekit-webhooks/livekit-webhooks.module';
import { PruneRetentionJob } from './jobs/prune-retention.job';
import { RetentionService } from './retention.service';

/** The daily retention job; only the worker process imports this module. */
@Module({
  imports: [AuditModule, LiveKitWebhooksModule],
  providers: [RetentionService, PruneRetentionJob],
})
export class PrivacyWorkerModule {}
