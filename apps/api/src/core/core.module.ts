import { Module } from '@nestjs/common';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { LiveKitModule } from './livekit/livekit.module';
import { QueueModule } from './queue/queue.module';
import { RateLimitModule } from './redis/rate-limit.module';
import { RedisModule } from './redis/redis.module';

/** Infrastructure both entry points share: configuration, PostgreSQL, Redis (and its rate limits), the queues and LiveKit. */
@Module({
  imports: [AppConfigModule, DatabaseModule, RedisModule, RateLimitModule, QueueModule, LiveKitModule],
})
export class CoreModule {}
