import compress from '@fastify/compress';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { SIGNED_IN_HINT_COOKIE } from '@mre/contracts';
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { AppConfig } from '@/core/config/app-config';
import { HttpExceptionFilter } from '@/core/errors/http-exception.filter';
import { MAX_UPLOAD_BYTES } from './uploaded-file';
import { ErrorDto } from './error.dto';
import { cookieValue, pageLocale } from './web-app-locale';
import { limitJsonDepth } from './json-depth';
import { AppValidationPipe } from './validation-pipe';

export const API_PREFIX = 'api';

/** Everything the HTTP app needs besides its modules; shared by main.ts and the e2e tests. */
export async function configureApp(app: NestFastifyApplication): Promise<void> {
  const config = app.get(AppConfig);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(new AppValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  // A list, not a string: @fastify/cors sends a string origin to every caller, a list only to a match.
  app.enableCors({ origin: [config.publicUrl], credentials: false });
  app.enableShutdownHooks();
  // The middleware is built once: @fastify/helmet builds it (and parses the policy) again on every
  // request, which was a tenth of the API's CPU on a join (bench/README.md).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // The classroom talks to LiveKit (WebSocket, and HTTP for its checks), and to nothing else.
        connectSrc: ["'self'", ...liveKitOrigins(config.get('LIVEKIT_URL'))],
        // Mantine injects style tags.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        // Recordings play from presigned URLs of the S3 store when there is one.
        mediaSrc: ["'self'", 'blob:', ...originOf(config.get('S3_ENDPOINT'))],
        scriptSrc: ["'self'"],
        // Served over plain http on localhost in development; TLS is the proxy's job in production.
        upgradeInsecureRequests: null,
      },
    },
  });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) =>
      securityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)),
    );
  // LiveKit webhooks are verified over the exact bytes sent, so that content type stays a string.
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser(
      'application/webhook+json',
      { parseAs: 'string', bodyLimit: 1024 * 1024 },
      (_request, body, done) => done(null, body),
    );
  noStoreWhenAuthenticated(app);
  // JSON over 1 KB goes out gzipped: a course list or a roster shrinks to a fifth on a weak link.
  // Gzip only: brotli at its default quality costs too much CPU for answers made per request (the
  // web app's files are compressed once, at build time, in both encodings).
  await app.register(compress, { threshold: 1024, encodings: ['gzip'] });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  limitJsonDepth(app.getHttpAdapter().getInstance());
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: `${API_PREFIX}/docs-json`,
  });
  await serveWebApp(app);
}

/** The LiveKit server's origin under both its WebSocket and its HTTP scheme (`ws://h:7880`, `http://h:7880`). */
export function liveKitOrigins(liveKitUrl: string): string[] {
  const url = new URL(liveKitUrl);
  const secure = url.protocol === 'wss:' || url.protocol === 'https:';
  return [`${secure ? 'wss' : 'ws'}://${url.host}`, `${secure ? 'https' : 'http'}://${url.host}`];
}

/**
 * `Cache-Control: no-store` on every answer to a request that carries credentials: tokens, personal
 * data, PDFs and exports must not stay in a shared or browser cache.
 */
function noStoreWhenAuthenticated(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', (request, reply, payload, done) => {
      if (request.headers.authorization) reply.header('cache-control', 'no-store');
      done(null, payload);
    });
}

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const options = new DocumentBuilder()
    .setTitle('MRE Academy API')
    .setDescription(
      'Live, remote vocational training: identity, organizations, catalog, cohorts, live sessions.',
    )
    .setVersion('1')
    .addBearerAuth()
    .addGlobalResponse({
      status: 'default',
      description: 'An error: 400, 401, 403, 404, 409, 410, 425, 429 or 503',
      type: ErrorDto,
    })
    .build();
  return SwaggerModule.createDocument(app, options, {
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
}

/** Vite's folder of files whose names carry their content hash: never changed, so cached for a year. */
const HASHED_ASSETS = 'assets';

/**
 * Serves the built web app at `/`, with client-side routes falling back to index.html. Hashed
 * assets are cached for good and sent precompressed (`.br`, `.gz` from the build) when the browser
 * takes it; index.html is revalidated on every visit, so a new release is seen at once. A missing
 * asset is a 404: after a release, a page still holding the old chunk names must fail clearly, not
 * receive index.html as JavaScript.
 */
async function serveWebApp(app: NestFastifyApplication): Promise<void> {
  const root = resolve(process.env.WEB_DIST ?? 'dist/apps/web');
  if (!existsSync(resolve(root, 'index.html'))) return;
  const preloadFirstScreen = pagePreloads(root);
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (response, path) => {
      const file = relative(root, path);
      response.header(
        'cache-control',
        file.startsWith(`${HASHED_ASSETS}${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
      // The page itself, or its brotli or gzip copy.
      if (/^index\.html(\.br|\.gz)?$/.test(file)) preloadFirstScreen(response);
    },
  });
  // Files are routed one by one above; any other page is a client-side route of the single-page app.
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (request, reply) => {
      const path = request.url.split('?')[0];
      if (path === `/${API_PREFIX}` || path.startsWith(`/${API_PREFIX}/`)) {
        return reply.status(404).send({
          statusCode: 404,
          error: 'Not Found',
          message: `Cannot GET ${path}`,
          code: 'not-found',
        });
      }
      if (path.startsWith(`/${HASHED_ASSETS}/`))
        return reply.status(404).type('text/plain').send('Not found');
      return reply.type('text/html').sendFile('index.html');
    });
}

/**
 * `Link` preloads on the page for what its first screen will ask for once the entry has run, so
 * that it downloads with the entry instead of a round trip after it (files named by the web build):
 * the texts of the language it will open in (`locale-chunks.json` names the part the first
 * screens show; the rest follows once the page is shown) and, for whoever is not signed in on this
 * browser (no hint cookie: they will see the sign-in form), the form's code and styles
 * (`sign-in-files.json`).
 */
function pagePreloads(root: string): (reply: FastifyReply) => void {
  const read = <T>(name: string, empty: T): T => {
    const file = resolve(root, name);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : empty;
  };
  const localeChunks = read<Record<string, string>>('locale-chunks.json', {});
  const signInFiles = read<string[]>('sign-in-files.json', []);
  const link = (file: string) =>
    file.endsWith('.css')
      ? `</${file}>; rel=preload; as=style; crossorigin`
      : `</${file}>; rel=modulepreload; crossorigin`;
  return (reply) => {
    const files = [localeChunks[pageLocale(reply.request)]];
    if (!cookieValue(reply.request.headers, SIGNED_IN_HINT_COOKIE)) files.push(...signInFiles);
    const links = files.filter(Boolean).map(link);
    if (links.length > 0) reply.header('link', links.join(', '));
  };
}

function originOf(url: string | undefined): string[] {
  return url ? [new URL(url).origin] : [];
}
