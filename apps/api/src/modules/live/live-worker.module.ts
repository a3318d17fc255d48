import { Module } from '@nestjs/common';
import { ReanchorSessionsJob } from './jobs/reanchor-sessions.job';
import { LiveModule } from './live.module';

/** The live sessions' processors; only the worker process imports this module. */
@Module({ imports: [LiveModule], providers: [ReanchorSessionsJob] })
export class LiveWorkerModule {}
