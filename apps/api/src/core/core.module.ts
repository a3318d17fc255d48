import { Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { LiveKitModule } from './livekit/livekit.module';
import { QueueModule } from './queue/queue.module';
import { RateLimitModule } from './redis/rate-limit.module';
import { RedisModule } from './redis/redis.module';
import { StorageModule } from './storage/storage.module';

/**
 * Infrastructure both entry points share: configuration, PostgreSQL, Redis (and its rate limits), the queues,
 * LiveKit, the file store, and the in-process events that carry a context's news to the contexts that depend on it.
 */
@Module({
  imports: [
    AppConfigModule,
    DatabaseModule,
    RedisModule,
    RateLimitModule,
    QueueModule,
    LiveKitModule,
    StorageModule,
    EventEmitterModule.forRoot(),
  ],
})
export class CoreModule {}
