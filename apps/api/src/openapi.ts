import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { writeFileSync } from 'node:fs';
import { AppModule } from './app.module';
import { API_PREFIX, buildOpenApiDocument } from './core/http/configure-app';

/**
 * Writes the OpenAPI document generated from the controllers and DTOs. Preview mode builds the
 * module graph without instantiating providers, so no database or Redis is needed.
 */
async function main(): Promise<void> {
  const target = process.argv[2] ?? 'apps/api/openapi.json';
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  app.setGlobalPrefix(API_PREFIX);
  writeFileSync(target, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  console.log(`Wrote ${target}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
