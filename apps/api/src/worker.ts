import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { InvalidConfigurationError } from './core/config/environment';
import { prepareEnvironment } from './core/config/prepare-environment';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  process.env.MRE_PROCESS = 'worker';
  const { release } = await prepareEnvironment();
  const app = await NestFactory.createApplicationContext(WorkerModule);
  // On SIGTERM Nest closes the BullMQ workers, which wait for running jobs before returning.
  app.enableShutdownHooks();
  process.once('beforeExit', () => void release());
  new Logger('Worker').log('MRE Academy worker is processing jobs');
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof InvalidConfigurationError ? error.message : error);
  process.exit(1);
});
