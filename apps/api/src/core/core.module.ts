import { Module } from '@nestjs/common';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { LiveKitModule } from './livekit/livekit.module';
import { QueueModule } from './queue/queue.module';
import { RedisModule } from './redis/redis.module';

/** Infrastructure both entry points share: configuration, PostgreSQL, Redis, the queues and LiveKit. */
@Module({ imports: [AppConfigModule, DatabaseModule, RedisModule, QueueModule, LiveKitModule] })
export class CoreModule {}
