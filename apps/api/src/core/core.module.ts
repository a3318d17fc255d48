import { Module } from '@nestjs/common';
import { AppConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { QueueModule } from './queue/queue.module';
import { RedisModule } from './redis/redis.module';

/** Infrastructure both entry points share: configuration, PostgreSQL, Redis and the queues. */
@Module({ imports: [AppConfigModule, DatabaseModule, RedisModule, QueueModule] })
export class CoreModule {}
