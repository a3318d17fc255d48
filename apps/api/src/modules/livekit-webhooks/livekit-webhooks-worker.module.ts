import { Module } from '@nestjs/common';
import { AttendanceModule } from '@/modules/attendance/attendance.module';
import { LiveModule } from '@/modules/live/live.module';
import { ProcessWebhookEventsJob } from './jobs/process-webhook-events.job';
import { SweepWebhookInboxJob } from './jobs/sweep-webhook-inbox.job';
import { LiveKitWebhooksModule } from './livekit-webhooks.module';

/** The inbox's processor and sweeper; only the worker process imports this module. */
@Module({
  imports: [LiveKitWebhooksModule, LiveModule, AttendanceModule],
  providers: [ProcessWebhookEventsJob, SweepWebhookInboxJob],
})
export class LiveKitWebhooksWorkerModule {}
