import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@/core/config/app-config';
import { QueueName } from './queue-name';

const queues = Object.values(QueueName).map((name) => BullModule.registerQueue({ name }));

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.get('REDIS_URL'), maxRetriesPerRequest: null },
        prefix: config.get('QUEUE_PREFIX'),
        defaultJobOptions: {
          attempts: 5,
          backoff: { type: 'exponential', delay: config.get('QUEUE_RETRY_DELAY_MS') },
          removeOnComplete: { age: 7 * 24 * 3600, count: 10_000 },
          removeOnFail: { age: 30 * 24 * 3600 },
        },
      }),
    }),
    ...queues,
  ],
  exports: queues,
})
export class QueueModule {}
