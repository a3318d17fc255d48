import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { AttendanceModule } from './attendance.module';
import { ProcessWebhookEventsJob } from './jobs/process-webhook-events.job';

/** The webhook processor; only the worker process imports this module. */
@Module({ imports: [AttendanceModule, LiveModule], providers: [ProcessWebhookEventsJob] })
export class AttendanceWorkerModule {}
