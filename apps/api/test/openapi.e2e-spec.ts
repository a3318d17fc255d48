import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { NestFactory } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from '@/app.module';
import { API_PREFIX, buildOpenApiDocument } from '@/core/http/configure-app';

/** The committed OpenAPI document is what the code describes; `npm run openapi` refreshes it. */
describe('OpenAPI document (e2e)', () => {
  it('matches the committed apps/api/openapi.json', async () => {
    const app = await NestFactory.create<NestFastifyApplication>(AppModule, new FastifyAdapter(), {
      preview: true,
      logger: false,
    });
    app.setGlobalPrefix(API_PREFIX);
    const generated = JSON.parse(JSON.stringify(buildOpenApiDocument(app)));
    const committed = JSON.parse(readFileSync(join(__dirname, '../openapi.json'), 'utf8'));
    expect(generated).toEqual(committed);
  });

  it('documents every route of the contract with its response type', async () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '../openapi.json'), 'utf8'));
    expect(
      committed.paths['/api/auth/login'].post.responses['200'].content['application/json'].schema,
    ).toEqual({
      // Tokens, or the two-factor challenge for a person with 2FA (then POST /auth/login/2fa).
      oneOf: [
        { $ref: '#/components/schemas/LoginResponseDto' },
        { $ref: '#/components/schemas/MfaChallengeDto' },
      ],
    });
    for (const path of [
      '/api/me',
      '/api/users',
      '/api/sectors',
      '/api/networks',
      '/api/centres',
      '/api/courses',
      '/api/courses/{id}/modules',
      '/api/health',
    ]) {
      expect(committed.paths[path]).toBeDefined();
    }
  });

  it('defines every schema it refers to, the reports of each kind of job included', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '../openapi.json'), 'utf8'));
    const refs = new Set<string>();
    JSON.stringify(committed, (key, value) => {
      if (key === '$ref') refs.add(value);
      return value;
    });
    const missing = [...refs].filter(
      (ref) => !committed.components.schemas[ref.replace('#/components/schemas/', '')],
    );
    expect(missing).toEqual([]);
    expect(committed.components.schemas.JobDto.properties.result.oneOf).toEqual([
      { $ref: '#/components/schemas/ImportResultDto' },
      { $ref: '#/components/schemas/CertificateIssueResultDto' },
    ]);
  });
});
