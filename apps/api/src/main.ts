import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { InvalidConfigurationError } from './core/config/environment';
import { prepareEnvironment } from './core/config/prepare-environment';
import { configureApp } from './core/http/configure-app';
import { httpServerOptions } from './core/http/http-server-options';
import { SetupService } from './modules/setup/setup.service';

async function bootstrap(): Promise<void> {
  const { env, release, adminPasswordGenerated } = await prepareEnvironment();
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule,
    new FastifyAdapter(httpServerOptions(env.TRUST_PROXY)),
    {
      bufferLogs: false,
      // Keeps the bytes of JSON bodies too: LiveKit may send its webhooks as application/json.
      rawBody: true,
    },
  );
  await configureApp(app);
  await app.get(SetupService).run();
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onClose', async () => release());
  await app.listen({ port: env.PORT, host: '0.0.0.0' });

  const logger = new Logger('Bootstrap');
  logger.log(`MRE Academy listening on http://localhost:${env.PORT} (API at /api, docs at /api/docs)`);
  // A password in the logs is a password for whoever reads them: shown only for a local demo.
  if (env.NODE_ENV === 'development' && adminPasswordGenerated) {
    logger.log(`Admin sign-in: ${env.ADMIN_EMAIL} / ${env.ADMIN_PASSWORD}`);
  }
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof InvalidConfigurationError ? error.message : error);
  process.exit(1);
});
