import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Response } from 'supertest';
import { createCohortWorld, CohortWorld } from './support/cohort-world';
import { clearRateLimits } from './support/security';
import { TestApp } from './support/test-app';

const MINUTE = 60_000;
const PUBLIC_URL = 'http://academy.test';

/** Starts an API with some variables set for it only. */
async function startWith(env: Record<string, string>): Promise<TestApp> {
  const before = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    return await TestApp.start();
  } finally {
    for (const [key, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

const expectSecurityHeaders = (res: Response) => {
  const csp = res.headers['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toMatch(/script-src 'self'(;|$)/);
  // The browser may talk to the API and to the LiveKit server only (LIVEKIT_URL, ws://127.0.0.1:7880 by default).
  expect(csp).toMatch(/connect-src 'self' ws:\/\/127\.0\.0\.1:7880 http:\/\/127\.0\.0\.1:7880(;|$)/);
  expect(res.headers).toMatchObject({
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'referrer-policy': 'no-referrer',
  });
  expect(res.headers['x-powered-by']).toBeUndefined();
};

describe('Security: headers, CORS and rate limits (e2e)', () => {
  describe('headers and CORS', () => {
    let sut: TestApp;
    let web: string;

    beforeAll(async () => {
      web = mkdtempSync(join(tmpdir(), 'mre-web-'));
      mkdirSync(join(web, 'assets'));
      writeFileSync(
        join(web, 'index.html'),
        '<!doctype html><title>MRE Academy</title><script type="module" src="/assets/app.js"></script>',
      );
      writeFileSync(join(web, 'assets/app.js'), 'console.log("app")');
      // As the build leaves them: each asset also brotli- and gzip-compressed beside it.
      writeFileSync(join(web, 'assets/app.js.br'), brotliCompressSync('console.log("app")'));
      writeFileSync(join(web, 'assets/app.js.gz'), gzipSync('console.log("app")'));
      // The service worker and the web manifests keep their names from one release to the next.
      writeFileSync(join(web, 'sw.js'), 'self.addEventListener("fetch", () => {})');
      writeFileSync(join(web, 'manifest.ar.webmanifest'), '{"lang":"ar","dir":"rtl"}');
      // Which chunk holds the first part of each language's texts, as the web build writes it.
      writeFileSync(
        join(web, 'locale-chunks.json'),
        JSON.stringify({ ar: 'assets/ar-1.js', fr: 'assets/fr-2.js', en: 'assets/en-3.js' }),
      );
      // The sign-in form's files beyond the entry's.
      writeFileSync(
        join(web, 'sign-in-files.json'),
        JSON.stringify(['assets/sign-in-4.js', 'assets/sign-in-5.css']),
      );
      sut = await startWith({ WEB_DIST: web });
    });
    afterAll(async () => {
      await sut.close();
      rmSync(web, { recursive: true, force: true });
    });

    it('sends the security headers on API answers, errors included', async () => {
      expectSecurityHeaders(await sut.http.get('/api/health'));
      expectSecurityHeaders(await sut.http.get('/api/me').expect(401));
      expectSecurityHeaders(await sut.http.get('/api/no-such-route').expect(404));
      expectSecurityHeaders(
        await sut.http
          .post('/api/auth/login')
          .set('Content-Type', 'application/json')
          .send('{"broken')
          .expect(400),
      );
    });

    it('keeps authenticated answers out of caches (Cache-Control: no-store), and leaves public ones alone', async () => {
      const admin = await sut.adminToken();
      for (const path of ['/api/me', '/api/users', '/api/reports/beneficiaries.csv']) {
        const res = await sut.http.get(path).auth(admin, { type: 'bearer' }).expect(200);
        expect(res.headers['cache-control']).toBe('no-store');
      }
      const refused = await sut.http.get('/api/me').auth('not-a-token', { type: 'bearer' }).expect(401);
      expect(refused.headers['cache-control']).toBe('no-store');
      expect((await sut.http.get('/api/health').expect(200)).headers['cache-control']).not.toBe('no-store');
    });

    it('sends them on the web app, its assets and its client-side routes', async () => {
      const page = await sut.http.get('/').expect(200);
      expect(page.text).toContain('MRE Academy');
      expectSecurityHeaders(page);
      expectSecurityHeaders(await sut.http.get('/assets/app.js').expect(200));
      expectSecurityHeaders(await sut.http.get('/schedule/week').expect(200));
    });

    it('caches hashed assets for good and the page never, and 404s a missing asset instead of sending the page', async () => {
      const asset = await sut.http.get('/assets/app.js').expect(200);
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(asset.headers['content-type']).toMatch(/javascript/);
      for (const page of ['/', '/schedule/week']) {
        const res = await sut.http.get(page).expect(200);
        expect({ page, cache: res.headers['cache-control'] }).toEqual({ page, cache: 'no-cache' });
      }
      // Unhashed names are revalidated, or a new release would wait a year: the service worker above all.
      const worker = await sut.http.get('/sw.js').expect(200);
      expect(worker.headers['cache-control']).toBe('no-cache');
      expect(worker.headers['content-type']).toMatch(/javascript/);
      const manifest = await sut.http.get('/manifest.ar.webmanifest').expect(200);
      expect(manifest.headers['cache-control']).toBe('no-cache');
      expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json/);
      // After a release, an old page asking for a chunk that is gone must not get HTML as JavaScript.
      const gone = await sut.http.get('/assets/chunk-of-last-release.js').expect(404);
      expect(gone.headers['content-type']).not.toMatch(/html/);
      // The API's own root is the API's 404, in its JSON shape.
      expect((await sut.http.get('/api').expect(404)).body).toMatchObject({
        statusCode: 404,
        code: 'not-found',
      });
    });

    it('starts the texts of the language the page will open in, and the sign-in form for whoever is not signed in, downloading with the page', async () => {
      const link = async (path: string, headers: Record<string, string> = {}) => {
        const request = sut.http.get(path);
        for (const [name, value] of Object.entries(headers)) request.set(name, value);
        return (await request.expect(200)).headers['link'];
      };
      const preload = (file: string) => `</assets/${file}>; rel=modulepreload; crossorigin`;
      const signIn = [preload('sign-in-4.js'), '</assets/sign-in-5.css>; rel=preload; as=style; crossorigin'];
      const signedIn = 'mre.signed-in=1';
      // A Moroccan phone set to Arabic, first visit: Arabic, and the sign-in form it will show.
      expect(await link('/', { 'Accept-Language': 'ar-MA,ar;q=0.9,fr;q=0.8' })).toBe(
        [preload('ar-1.js'), ...signIn].join(', '),
      );
      // A client-side route, after choosing French on this browser and signing in: the choice
      // wins, and the sign-in form is not sent to someone who will not see it.
      expect(
        await link('/schedule', { 'Accept-Language': 'ar-MA', Cookie: `mre.locale=fr; ${signedIn}` }),
      ).toBe(preload('fr-2.js'));
      // An invitation link in English wins over both; nothing known: French.
      expect(await link('/accept-invite?token=t&lang=en', { Cookie: `${signedIn}; mre.locale=ar` })).toBe(
        preload('en-3.js'),
      );
      expect(await link('/login')).toBe([preload('fr-2.js'), ...signIn].join(', '));
      // Only the page: an asset has no such header.
      expect((await sut.http.get('/assets/app.js').expect(200)).headers['link']).toBeUndefined();
    });

    it('sends the precompressed copy of an asset the browser can decode, and gzips JSON over 1 KB', async () => {
      // The client decodes what it is sent: the text back, with the encoding it came in.
      const brotli = await sut.http.get('/assets/app.js').set('Accept-Encoding', 'br, gzip').expect(200);
      expect(brotli.headers['content-encoding']).toBe('br');
      expect(brotli.headers['vary']).toMatch(/accept-encoding/i);
      expect(brotli.text).toBe('console.log("app")');
      const plain = await sut.http.get('/assets/app.js').set('Accept-Encoding', 'identity').expect(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.text).toBe('console.log("app")');

      // The OpenAPI document is large JSON: gzipped for a client that takes it, plain otherwise.
      const zipped = await sut.http.get('/api/docs-json').set('Accept-Encoding', 'gzip').expect(200);
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.body.openapi).toMatch(/^3\./);
      const small = await sut.http.get('/api/health').set('Accept-Encoding', 'gzip').expect(200);
      expect(small.headers['content-encoding']).toBeUndefined();
    });

    it('allows only PUBLIC_URL as a cross-origin caller', async () => {
      const preflight = (origin: string) =>
        sut.http
          .options('/api/auth/login')
          .set('Origin', origin)
          .set('Access-Control-Request-Method', 'POST')
          .set('Access-Control-Request-Headers', 'content-type,authorization');
      const allowed = await preflight(PUBLIC_URL);
      expect(allowed.headers['access-control-allow-origin']).toBe(PUBLIC_URL);
      for (const origin of [
        'http://evil.test',
        `${PUBLIC_URL}.evil.test`,
        'null',
        'http://academy.test:8080',
      ]) {
        const refused = await preflight(origin);
        expect({ origin, allow: refused.headers['access-control-allow-origin'] }).toEqual({
          origin,
          allow: undefined,
        });
        const simple = await sut.http.get('/api/health').set('Origin', origin);
        expect(simple.headers['access-control-allow-origin']).toBeUndefined();
      }
      expect(allowed.headers['access-control-allow-credentials']).toBeUndefined();
    });
  });

  describe('rate limits', () => {
    let sut: TestApp;
    let world: CohortWorld;
    let sessionId: string;

    /** A session of a cohort of its own (sessions of one cohort may not overlap), open for joining now. */
    const openSession = async () => {
      const cohortId = await world.addCohort();
      const res = await sut.http
        .post(`/api/cohorts/${cohortId}/sessions`)
        .auth(world.expert.token, { type: 'bearer' })
        .send({
          title: 'Avionique',
          startsAt: new Date(Date.now() + 5 * MINUTE).toISOString(),
          durationMinutes: 60,
          mode: 'remote',
        })
        .expect(201);
      return res.body.items[0].id as string;
    };
    const join = (app: TestApp, session: string, token: string, forwardedFor?: string) => {
      const req = app.http.post(`/api/sessions/${session}/join`).auth(token, { type: 'bearer' });
      return forwardedFor ? req.set('X-Forwarded-For', forwardedFor) : req;
    };
    const expectTooMany = (res: Response, windowSeconds = 60) => {
      expect(res.status).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(windowSeconds);
      expect(res.body).toMatchObject({
        statusCode: 429,
        error: 'Too Many Requests',
        message: expect.stringMatching(/too many/i),
      });
    };

    beforeAll(async () => {
      sut = await TestApp.start();
      await clearRateLimits(sut);
      world = await createCohortWorld(sut, 4);
      sessionId = await openSession();
    });
    afterAll(async () => {
      await clearRateLimits(sut);
      await sut.close();
    });

    it('throttles repeated failed sign-ins with 429 and Retry-After', async () => {
      const trainee = world.trainees[3];
      for (let i = 0; i < 5; i++)
        await sut.http
          .post('/api/auth/login')
          .send({ email: trainee.email, password: 'wrong-password' })
          .expect(401);
      expectTooMany(
        await sut.http.post('/api/auth/login').send({ email: trainee.email, password: trainee.password }),
        15 * 60,
      );
    });

    it('counts parallel sign-in guesses before checking them: of 40 at once, 5 are checked and the rest get 429', async () => {
      const trainee = world.trainees[2];
      const answers = await Promise.all(
        Array.from({ length: 40 }, () =>
          sut.http.post('/api/auth/login').send({ email: trainee.email, password: 'a-wrong-guess' }),
        ),
      );
      expect(answers.filter((res) => res.status === 401)).toHaveLength(5);
      expect(answers.filter((res) => res.status === 429)).toHaveLength(35);
      // The right password is refused too until the window ends: the account is held, not the guesser.
      expectTooMany(
        await sut.http.post('/api/auth/login').send({ email: trainee.email, password: trainee.password }),
        15 * 60,
      );
    });

    it('lets one person join a session 10 times a minute, then answers 429 with Retry-After', async () => {
      const [first, second] = world.trainees;
      for (let i = 0; i < 10; i++) await join(sut, sessionId, first.token).expect(200);
      expectTooMany(await join(sut, sessionId, first.token));
      // Others in the same class, and the same person in another class, are not held back.
      await join(sut, sessionId, second.token).expect(200);
      await join(sut, await openSession(), first.token).expect(200);
    });

    it('counts per-address joins against the socket address when TRUST_PROXY is off, whatever X-Forwarded-For says', async () => {
      const strict = await startWith({ JOIN_RATE_LIMIT_PER_IP: '3' });
      try {
        await clearRateLimits(strict);
        const session = await openSession();
        for (let i = 0; i < 3; i++)
          await join(strict, session, world.trainees[i].token, `203.0.113.${i + 1}`).expect(200);
        expectTooMany(await join(strict, session, world.expert.token, '203.0.113.99'));
      } finally {
        await clearRateLimits(strict);
        await strict.close();
      }
    });

    it('does not count against the address the joins a person’s own limit refuses: one trainee cannot block a centre', async () => {
      const shared = await startWith({ JOIN_RATE_LIMIT_PER_IP: '15' });
      try {
        await clearRateLimits(shared);
        const session = await openSession();
        const [hammering, other] = world.trainees;
        // 10 admitted (the person's limit), 30 refused: only the 10 count for the address.
        for (let i = 0; i < 40; i++) await join(shared, session, hammering.token);
        for (let i = 0; i < 5; i++) await join(shared, session, other.token).expect(200);
        expectTooMany(await join(shared, session, world.trainees[3].token));
      } finally {
        await clearRateLimits(shared);
        await shared.close();
      }
    });

    it('counts the client address the shipped nginx forwards: TRUST_PROXY of docker/compose.yml, also for the scaled stack', async () => {
      const composeFile = (name: string) => readFileSync(resolve(__dirname, '../../../docker', name), 'utf8');
      const shipped = /^\s*TRUST_PROXY:\s*'?([^'\s]+)'?/m.exec(composeFile('compose.yml'))?.[1];
      expect(shipped).toBe('1');
      // The scaled stack keeps the base stack's setting (one nginx hop in front of the replicas).
      expect(composeFile('compose.scale.yml')).not.toMatch(/^\s*TRUST_PROXY:/m);
      const behindNginx = await startWith({ JOIN_RATE_LIMIT_PER_IP: '3', TRUST_PROXY: shipped as string });
      try {
        await clearRateLimits(behindNginx);
        const session = await openSession();
        // nginx sends X-Forwarded-For: <client>; a client's own header before it changes nothing.
        for (let i = 0; i < 3; i++)
          await join(behindNginx, session, world.trainees[i].token, `10.9.9.${i}, 198.51.100.60`).expect(200);
        expectTooMany(
          await join(behindNginx, session, world.trainees[3].token, '203.0.113.250, 198.51.100.60'),
        );
        // Another client behind the same nginx has a budget of its own.
        await join(behindNginx, session, world.trainees[3].token, '198.51.100.61').expect(200);
      } finally {
        await clearRateLimits(behindNginx);
        await behindNginx.close();
      }
    });

    it('counts them per forwarded client behind a trusted proxy (TRUST_PROXY=loopback)', async () => {
      const proxied = await startWith({ JOIN_RATE_LIMIT_PER_IP: '3', TRUST_PROXY: 'loopback' });
      try {
        await clearRateLimits(proxied);
        const session = await openSession();
        for (let i = 0; i < 4; i++)
          await join(proxied, session, world.trainees[i].token, `198.51.100.${i + 1}`).expect(200);
        for (let i = 0; i < 3; i++)
          await join(proxied, session, world.trainees[i].token, '198.51.100.50').expect(200);
        expectTooMany(await join(proxied, session, world.trainees[3].token, '198.51.100.50'));
      } finally {
        await clearRateLimits(proxied);
        await proxied.close();
      }
    });
  });
});
