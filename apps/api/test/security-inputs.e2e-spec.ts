import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { WorkerModule } from '@/worker.module';
import { createCohortWorld, CohortWorld } from './support/cohort-world';
import { clearRateLimits } from './support/security';
import { TestApp } from './support/test-app';

const ERROR_SHAPE = {
  statusCode: expect.any(Number),
  error: expect.any(String),
  message: expect.anything(),
  code: expect.any(String),
};

/** SQL and HTML in one string (short enough for a 100-character field): back byte for byte, no query broken. */
const SQL = `%' OR 1=1 --`;
const HOSTILE = `'); DROP TABLE users;--${SQL}<script>alert(1)</script><img src=x onerror=alert(1)>"\\`;

/** Every file under a folder (links not followed). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return lstatSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('Security: hostile inputs (e2e)', () => {
  let sut: TestApp;
  let worker: INestApplicationContext;
  let world: CohortWorld;
  const tag = randomUUID().slice(0, 8);

  beforeAll(async () => {
    sut = await TestApp.start();
    process.env.MRE_PROCESS = 'worker';
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    delete process.env.MRE_PROCESS;
    world = await createCohortWorld(sut, 1);
  });
  afterAll(async () => {
    await clearRateLimits(sut);
    await worker.close();
    await sut.close();
  });

  const admin = () => world.admin;
  const get = (path: string, query: Record<string, string> = {}, token = admin()) =>
    sut.http.get(`/api${path}`).query(query).auth(token, { type: 'bearer' });
  const post = (path: string, body: object, token = admin()) =>
    sut.http.post(`/api${path}`).auth(token, { type: 'bearer' }).send(body);

  describe('sizes and shapes', () => {
    it('answers a JSON body over 1 MB with 413 in the error shape, signed in or not', async () => {
      const big = { email: 'a@academy.test', password: 'x'.repeat(1024 * 1024 + 10) };
      const anonymous = await sut.http.post('/api/auth/login').send(big).expect(413);
      expect(anonymous.body).toMatchObject({ ...ERROR_SHAPE, statusCode: 413 });
      const signedIn = await sut.http
        .patch('/api/me')
        .auth(world.trainees[0].token, { type: 'bearer' })
        .send({ fullName: 'x'.repeat(1024 * 1024 + 10) })
        .expect(413);
      expect(signedIn.body).toMatchObject({ ...ERROR_SHAPE, statusCode: 413 });
    });

    it('refuses an upload over 5 MB with 400 and says why', async () => {
      const row = `someone-${tag}@academy.test,Someone\n`;
      const csv = Buffer.from(
        `email,full_name\n${row.repeat(Math.ceil((5 * 1024 * 1024 + 1) / row.length))}`,
      );
      const res = await sut.http
        .post(`/api/cohorts/${world.cohortId}/enrollments/import`)
        .auth(admin(), { type: 'bearer' })
        .attach('file', csv, { filename: 'big.csv', contentType: 'text/csv' })
        .expect(400);
      expect(res.body).toMatchObject({
        ...ERROR_SHAPE,
        statusCode: 400,
        message: expect.stringMatching(/5 MB/),
      });
    });

    it('refuses JSON nested 10,000 levels deep quickly, and keeps serving', async () => {
      const depth = 10_000;
      const objects = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
      const arrays = `${'['.repeat(depth)}${']'.repeat(depth)}`;
      for (const [path, body] of [
        ['/api/me', `{"fullName":${objects}}`],
        ['/api/me', `{"fullName":${arrays}}`],
        ['/api/me', objects],
        ['/api/me', `{"fullName":${'['.repeat(200_000)}${']'.repeat(200_000)}}`],
      ] as const) {
        const started = Date.now();
        const res = await sut.http
          .patch(path)
          .auth(world.trainees[0].token, { type: 'bearer' })
          .set('Content-Type', 'application/json')
          .send(body);
        expect([400, 413]).toContain(res.status);
        expect(res.body).toMatchObject(ERROR_SHAPE);
        expect(Date.now() - started).toBeLessThan(3000);
      }
      await get('/me', {}, world.trainees[0].token).expect(200);
    });

    it('refuses prototype pollution and unknown fields', async () => {
      const polluted = await sut.http
        .patch('/api/me')
        .auth(world.trainees[0].token, { type: 'bearer' })
        .set('Content-Type', 'application/json')
        .send('{"fullName":"Proto","__proto__":{"role":"admin"}}');
      expect(polluted.status).toBe(400);
      const constructor = await sut.http
        .patch('/api/me')
        .auth(world.trainees[0].token, { type: 'bearer' })
        .set('Content-Type', 'application/json')
        .send('{"fullName":"Proto","constructor":{"prototype":{"role":"admin"}}}');
      expect(constructor.status).toBe(400);
      expect(({} as Record<string, unknown>).role).toBeUndefined();
      expect((await get('/me', {}, world.trainees[0].token).expect(200)).body.role).toBe('trainee');
    });

    it('answers a NUL character in a text field with 400, not 500', async () => {
      const res = await sut.http
        .patch('/api/me')
        .auth(world.outsider.token, { type: 'bearer' })
        .send({ fullName: 'Nul\u0000Byte' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject(ERROR_SHAPE);
      const search = await get('/courses', { q: 'a\u0000b' });
      expect(search.status).toBe(400);
    });
  });

  describe('SQL and HTML in every text field that is shown again', () => {
    const text = `${HOSTILE} ${tag}`;

    it('stores and returns network, centre, course, module, cohort, session and user texts verbatim, as JSON', async () => {
      const network = (
        await post('/networks', { name: text, country: text, sectorCodes: ['digital'] }).expect(201)
      ).body;
      expect((await get(`/networks/${network.id}`).expect(200)).body).toMatchObject({
        name: text,
        country: text,
      });

      const centre = (await post('/centres', { name: text, city: text, region: text }).expect(201)).body;
      expect((await get(`/centres/${centre.id}`).expect(200)).body).toMatchObject({
        name: text,
        city: text,
        region: text,
      });

      const course = (
        await post('/courses', {
          code: `SQL-${tag}`,
          title: { fr: text, ar: text, en: text },
          summary: { fr: text },
          sectorCode: 'digital',
          networkId: network.id,
          format: 'remote',
          durationHours: 3,
          status: 'published',
        }).expect(201)
      ).body;
      const courseRes = await get(`/courses/${course.id}`).expect(200);
      expect(courseRes.headers['content-type']).toMatch(/^application\/json/);
      expect(courseRes.body).toMatchObject({
        title: { fr: text, ar: text, en: text },
        summary: { fr: text },
      });
      await post(`/courses/${course.id}/modules`, {
        title: { fr: text },
        position: 1,
        materials: [{ kind: 'link', title: { fr: text }, url: 'https://example.org/x.pdf' }],
      }).expect(201);
      const modules = (await get(`/courses/${course.id}`).expect(200)).body.modules;
      expect(modules[0]).toMatchObject({ title: { fr: text }, materials: [{ title: { fr: text } }] });

      const cohort = (
        await post('/cohorts', {
          courseId: course.id,
          name: text,
          kind: 'trainees',
          centreId: centre.id,
          capacity: 5,
          startsOn: '2031-01-01',
          endsOn: '2031-12-31',
          teacherIds: [],
        }).expect(201)
      ).body;
      expect((await get(`/cohorts/${cohort.id}`).expect(200)).body.name).toBe(text);

      const session = (
        await post(`/cohorts/${cohort.id}/sessions`, {
          title: text,
          startsAt: '2031-02-01T10:00:00Z',
          durationMinutes: 30,
          mode: 'remote',
        }).expect(201)
      ).body.items[0];
      expect((await get(`/sessions/${session.id}`).expect(200)).body.title).toBe(text);

      const user = (
        await post('/users', {
          email: `sql-${tag}@academy.test`,
          fullName: text,
          role: 'trainee',
          password: 'a-good-password',
        }).expect(201)
      ).body;
      expect((await get(`/users/${user.id}`).expect(200)).body.fullName).toBe(text);
      // Someone not enrolled yet (the legal name of the enrolled is staff's to change).
      const me = await sut.http
        .patch('/api/me')
        .auth(world.outsider.token, { type: 'bearer' })
        .send({ fullName: text })
        .expect(200);
      expect(me.body.fullName).toBe(text);
      expect(
        (await post(`/cohorts/${cohort.id}/enrollments`, { userId: user.id }).expect(201)).body.userId,
      ).toBe(user.id);
      const roster = (await get(`/cohorts/${cohort.id}/enrollments`).expect(200)).body.items;
      expect(roster).toEqual([expect.objectContaining({ userId: user.id, fullName: text })]);
    });

    it('matches search terms literally: SQL and LIKE wildcards find only what holds them', async () => {
      // Something to find, and plenty of rows that must not come along.
      const holds = (value: unknown) => JSON.stringify(value).includes(JSON.stringify(SQL).slice(1, -1));
      for (const [path, field] of [
        ['/courses', 'title'],
        ['/users', 'fullName'],
        ['/cohorts', 'name'],
      ] as const) {
        const all = (await get(path, { pageSize: '100' }).expect(200)).body;
        const found = (await get(path, { q: SQL, pageSize: '100' }).expect(200)).body;
        expect(found.total).toBeGreaterThan(0);
        expect(found.total).toBeLessThan(all.total);
        expect(found.items.every((item: Record<string, unknown>) => holds(item[field]))).toBe(true);
        for (const q of ["' OR '1'='1", '%', '_', "'; SELECT pg_sleep(3); --"]) {
          const started = Date.now();
          const res = (await get(path, { q, pageSize: '100' }).expect(200)).body;
          expect(res.total).toBeLessThan(all.total);
          expect(Date.now() - started).toBeLessThan(2000);
        }
      }
      const enrolled = (await get(`/cohorts/${world.cohortId}/enrollments`, { q: SQL }).expect(200)).body;
      expect(enrolled.total).toBeLessThanOrEqual(1);
      // The tables are all still there.
      await get('/users').expect(200);
    });

    it('refuses links that are not http(s), so that no javascript: URL reaches a page', async () => {
      const course = (await get('/courses', { q: `SQL-${tag}` }).expect(200)).body.items[0];
      for (const url of [
        'javascript:alert(1)',
        'data:text/html,<script>alert(1)</script>',
        'vbscript:msgbox(1)',
      ]) {
        await post(`/courses/${course.id}/modules`, {
          title: { fr: 'Lien' },
          position: 2,
          materials: [{ kind: 'link', title: { fr: 'x' }, url }],
        }).expect(400);
      }
    });

    it('the web app renders texts as text: no raw HTML sinks in its source', () => {
      const root = resolve(__dirname, '../../web/src');
      const sinks =
        /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|\beval\(|new Function\(/;
      const offenders = filesUnder(root)
        .filter((file) => /\.(tsx?|jsx?)$/.test(file))
        .filter((file) => sinks.test(readFileSync(file, 'utf8')));
      expect(filesUnder(root).length).toBeGreaterThan(10);
      expect(offenders).toEqual([]);
    });
  });

  describe('CSV import', () => {
    const upload = (file: Buffer, filename: string) =>
      sut.http
        .post(`/api/cohorts/${world.cohortId}/enrollments/import`)
        .auth(admin(), { type: 'bearer' })
        .attach('file', file, { filename, contentType: 'text/csv' });

    const waitForJob = async (jobId: string) => {
      for (let i = 0; i < 400; i++) {
        const job = (await get(`/jobs/${jobId}`).expect(200)).body;
        if (job.state === 'completed' || job.state === 'failed') return job;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('import did not finish');
    };

    it('keeps formula-like cells as data: names stored verbatim, errors reported as JSON text', async () => {
      const formulas = [
        '=HYPERLINK("http://evil.test","Cliquez")',
        "+cmd|' /C calc'!A0",
        '@SUM(1+1)',
        '-2+3',
      ];
      const lines = formulas.map(
        (name, i) => `formula-${i}-${tag}@academy.test,"${name.replaceAll('"', '""')}"`,
      );
      lines.push(`"=1+1",Bad Email`);
      const job = await waitForJob(
        (await upload(Buffer.from(`email,full_name\n${lines.join('\n')}\n`), 'formulas.csv').expect(202)).body
          .jobId,
      );
      expect(job.state).toBe('completed');
      expect(job.result.errors).toEqual([
        {
          row: 6,
          code: 'email-invalid',
          params: { email: '=1+1' },
          message: expect.stringContaining('=1+1'),
        },
      ]);
      const roster = (
        await get(`/cohorts/${world.cohortId}/enrollments`, { q: `-${tag}@`, pageSize: '100' }).expect(200)
      ).body.items;
      expect(roster.map((e: { fullName: string }) => e.fullName).sort()).toEqual([...formulas].sort());
    });

    it('escapes those formula cells in the beneficiaries export', async () => {
      const res = await get('/reports/beneficiaries.csv').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      // `;` separated: the admin reads the app in French.
      const rows: string[][] = parse(res.text, { bom: true, relax_column_count: true, delimiter: ';' });
      const cells = rows.flat();
      expect(cells).toEqual(
        expect.arrayContaining([
          '\'=HYPERLINK("http://evil.test","Cliquez")',
          "'+cmd|' /C calc'!A0",
          "'@SUM(1+1)",
          "'-2+3",
        ]),
      );
      expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    });

    it('never uses the uploaded file name on disk nor echoes it', async () => {
      const marker = `mre-traversal-${tag}`;
      const names = [
        `../../../../../../tmp/${marker}.csv`,
        `..\\..\\..\\tmp\\${marker}.csv`,
        `/etc/${marker}.csv`,
      ];
      for (const filename of names) {
        const started = await upload(
          Buffer.from(`email,full_name\ntraversal-${randomUUID().slice(0, 6)}@academy.test,Traversal\n`),
          filename,
        ).expect(202);
        const job = await waitForJob(started.body.jobId);
        expect(job.state).toBe('completed');
        expect(JSON.stringify([started.body, job])).not.toContain(marker);
      }
      const places = [tmpdir(), '/tmp', '/etc', resolve('.'), resolve(process.env.DATA_DIR as string)];
      const written = [
        ...places.filter((dir) => existsSync(join(dir, `${marker}.csv`))),
        ...filesUnder(resolve(process.env.DATA_DIR as string)).filter((f) => f.includes(marker)),
      ];
      expect(written).toEqual([]);
    });
  });
});
