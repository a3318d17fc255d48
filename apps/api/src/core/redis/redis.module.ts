import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@/core/config/app-config';

/** One shared Redis connection for counters and health checks (BullMQ keeps its own). */
@Injectable()
export class RedisClient extends Redis implements OnApplicationShutdown {
  constructor(@Inject(AppConfig) config: AppConfig) {
    // Auto-pipelining sends the commands of one tick in one write: a join asks for a rate count and
    // a version stamp together, at hundreds of joins per second.
    super(config.get('REDIS_URL'), {
      lazyConnect: false,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      enableAutoPipelining: true,
    });
    // Errors surface on the commands that fail; without a listener ioredis would log each reconnect.
    this.on('error', () => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.quit().catch(() => this.disconnect());
  }
}

@Global()
@Module({ providers: [RedisClient], exports: [RedisClient] })
export class RedisModule {}
