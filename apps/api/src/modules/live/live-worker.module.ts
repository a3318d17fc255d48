import { Module } from '@nestjs/common';
import { ExpireRecordingsJob } from './jobs/expire-recordings.job';
import { ReanchorSessionsJob } from './jobs/reanchor-sessions.job';
import { LiveModule } from './live.module';

/** The live sessions' processors; only the worker process imports this module. */
@Module({ imports: [LiveModule], providers: [ReanchorSessionsJob, ExpireRecordingsJob] })
export class LiveWorkerModule {}
