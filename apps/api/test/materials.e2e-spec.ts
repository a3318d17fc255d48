import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { createCohortWorld, type CohortWorld } from './support/cohort-world';
import { COMPOUND_FILES, EXECUTABLES, MATERIAL_SAMPLES, samplePdf } from './support/material-samples';
import { SignedFileLinks } from '@/core/storage/signed-file-links';
import { S3TestServer } from './support/s3-test-server';
import { TestApp, type TestUser } from './support/test-app';

const filesDir = () => resolve(process.env.DATA_DIR as string, 'files');

/** Every stored file under DATA_DIR/files, half-written ones included. */
function storedFiles(): string[] {
  if (!existsSync(filesDir())) return [];
  return readdirSync(filesDir(), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Collects a binary answer as a Buffer (supertest parses only text by default). */
const binary = (res: unknown, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = res as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

async function waitFor(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

describe('Course materials: upload, download, delete (e2e)', () => {
  const previousLimit = process.env.MATERIAL_MAX_MB;
  let sut: TestApp;
  let world: CohortWorld;
  let courseExpert: TestUser;
  let moduleId: string;
  let port: number;

  beforeAll(async () => {
    // 2 MB: enough for the samples and to cut an upload after its type was read, small past the limit.
    process.env.MATERIAL_MAX_MB = '2';
    sut = await TestApp.start();
    const server = sut.app.getHttpServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
    world = await createCohortWorld(sut, 1);
    courseExpert = await sut.createUser('expert');
    await sut.http
      .patch(`/api/courses/${world.courseId}`)
      .auth(world.admin, { type: 'bearer' })
      .send({ expertIds: [courseExpert.id] })
      .expect(200);
    moduleId = (
      await sut.http
        .post(`/api/courses/${world.courseId}/modules`)
        .auth(world.admin, { type: 'bearer' })
        .send({ title: { fr: 'Module 1' }, position: 1 })
        .expect(201)
    ).body.id;
  });

  afterAll(async () => {
    await sut.close();
    if (previousLimit === undefined) delete process.env.MATERIAL_MAX_MB;
    else process.env.MATERIAL_MAX_MB = previousLimit;
  });

  const uploadPath = () => `/api/courses/${world.courseId}/modules/${moduleId}/materials`;
  const upload = (token: string, bytes: Buffer, fileName: string, title?: string) => {
    const req = sut.http.post(uploadPath()).auth(token, { type: 'bearer' });
    if (title !== undefined) req.field('title', title);
    return req.attach('file', bytes, { filename: fileName, contentType: 'application/octet-stream' });
  };
  const download = (token: string, id: string) =>
    sut.http.get(`/api/materials/${id}/file`).auth(token, { type: 'bearer' }).buffer(true).parse(binary);

  it('takes each material type, told by its content, from an expert of the course', async () => {
    for (const sample of MATERIAL_SAMPLES) {
      const res = await upload(courseExpert.token, sample.bytes, sample.name).expect(201);
      expect(res.body).toMatchObject({
        kind: 'file',
        fileName: sample.name,
        contentType: sample.contentType,
        sizeBytes: sample.bytes.length,
        url: `/api/materials/${res.body.id}/file`,
      });
    }
    const course = await sut.http
      .get(`/api/courses/${world.courseId}`)
      .auth(world.trainees[0].token, { type: 'bearer' })
      .expect(200);
    const files = course.body.modules[0].materials.filter((m: { kind: string }) => m.kind === 'file');
    expect(files.map((m: { fileName: string }) => m.fileName)).toEqual(MATERIAL_SAMPLES.map((s) => s.name));
    expect(files[0].sizeBytes).toBe(MATERIAL_SAMPLES[0].bytes.length);
  });

  it('keeps a plain or a JSON title, and the file name when none is sent', async () => {
    const arabic = await upload(world.admin, samplePdf(), 'a.pdf', 'دليل الصيانة').expect(201);
    expect(arabic.body.title).toEqual({ ar: 'دليل الصيانة' });
    const json = await upload(
      world.admin,
      samplePdf(),
      'b.pdf',
      JSON.stringify({ fr: 'Guide', en: 'Guide' }),
    );
    expect(json.status).toBe(201);
    expect(json.body.title).toEqual({ fr: 'Guide', en: 'Guide' });
    const none = await upload(world.admin, samplePdf(), 'Fiche technique.pdf').expect(201);
    expect(none.body.title).toEqual({ fr: 'Fiche technique.pdf' });
  });

  it('refuses a program renamed as a document, and an unknown content, storing nothing', async () => {
    const before = storedFiles().length;
    for (const [bytes, name] of [
      [EXECUTABLES.elf, 'manuel.pdf'],
      [EXECUTABLES.windows, 'cours.docx'],
      [Buffer.from('#!/bin/sh\nrm -rf /\n'), 'notes.pdf'],
    ] as const) {
      const res = await upload(courseExpert.token, bytes, name).expect(415);
      expect(res.body.code).toBe('file-type-not-allowed');
    }
    const empty = await upload(courseExpert.token, Buffer.alloc(0), 'vide.pdf').expect(400);
    expect(empty.body.code).toBe('file-missing');
    expect(storedFiles().length).toBe(before);
  });

  it('takes a Word 97-2003 document but refuses a Windows installer, both compound files, storing nothing', async () => {
    const doc = await upload(courseExpert.token, COMPOUND_FILES.word, 'ancien cours.doc').expect(201);
    expect(doc.body).toMatchObject({ fileName: 'ancien cours.doc', contentType: 'application/x-cfb' });

    const before = storedFiles().length;
    for (const [bytes, name] of [
      [COMPOUND_FILES.installer, 'cours.doc'],
      [COMPOUND_FILES.installerWithWordStream, 'cours.xls'],
    ] as const) {
      const res = await upload(courseExpert.token, bytes, name).expect(415);
      expect(res.body.code).toBe('file-type-not-allowed');
    }
    expect(storedFiles().length).toBe(before);
  });

  it('takes files only from an upload: a "file" given by hand is kept as a link, links stay first', async () => {
    const typed = { title: { fr: 'Fiche' }, url: 'https://files.academy.test/fiche.pdf' };
    const saved = await sut.http
      .patch(`/api/courses/${world.courseId}/modules/${moduleId}`)
      .auth(courseExpert.token, { type: 'bearer' })
      .send({ materials: [{ kind: 'file', ...typed }] })
      .expect(200);
    const [first, ...rest] = saved.body.materials as { kind: string; url: string; id?: string }[];
    expect(first).toEqual(expect.objectContaining({ kind: 'link', url: typed.url }));
    expect(first.id).toBeUndefined();
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.every((material) => material.kind === 'file' && material.id)).toBe(true);
    await sut.http
      .patch(`/api/courses/${world.courseId}/modules/${moduleId}`)
      .auth(courseExpert.token, { type: 'bearer' })
      .send({ materials: [{ kind: 'video', ...typed }] })
      .expect(400);
  });

  it('answers 413 past MATERIAL_MAX_MB, storing nothing', async () => {
    const before = storedFiles().length;
    const big = Buffer.concat([samplePdf(), randomBytes(2 * 1024 * 1024 + 10)]);
    const res = await upload(courseExpert.token, big, 'gros.pdf').expect(413);
    expect(res.body).toMatchObject({ code: 'file-too-large', details: { maxMegabytes: 2 } });
    await waitFor(() => storedFiles().length === before, 'no file left');
  });

  it('takes a file name with a path as a label only: the file stays under DATA_DIR/files', async () => {
    const res = await upload(
      courseExpert.token,
      samplePdf('traversal'),
      '../../../../etc/cron.d/evil.pdf',
    ).expect(201);
    expect(res.body.fileName).toBe('evil.pdf');
    const files = storedFiles();
    expect(files.filter((f) => readFileSync(f).includes('traversal'))).toHaveLength(1);
    expect(files.every((f) => f.startsWith(filesDir()) && !f.includes('evil'))).toBe(true);
    expect(existsSync('/etc/cron.d/evil.pdf')).toBe(false);
  });

  it('leaves no file and no material when an upload is cut halfway', async () => {
    const before = storedFiles().length;
    const course = async () =>
      (await sut.http.get(`/api/courses/${world.courseId}`).auth(world.admin, { type: 'bearer' }).expect(200))
        .body.modules[0].materials.length as number;
    const materialsBefore = await course();
    const boundary = `----cut${randomUUID()}`;
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="coupé.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    // Past the sniffed start (1 MB), so that the file was already being stored when the line dropped.
    const sent = Buffer.concat([head, samplePdf(), randomBytes(1536 * 1024)]);
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((done) => socket.once('connect', done));
    socket.write(
      `POST ${uploadPath()} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${courseExpert.token}\r\n` +
        `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${sent.length + 1024 * 300}\r\n\r\n`,
    );
    socket.write(sent);
    await new Promise((r) => setTimeout(r, 300));
    socket.destroy();

    await waitFor(() => storedFiles().length === before, 'the half-written file to be removed');
    expect(await course()).toBe(materialsBefore);
  });

  describe('GET /materials/:id/file', () => {
    const name = 'دليل صيانة المحركات.pdf';
    const bytes = Buffer.concat([samplePdf('download'), randomBytes(50_000)]);
    let id: string;

    beforeAll(async () => {
      id = (await upload(courseExpert.token, bytes, name).expect(201)).body.id;
    });

    it('sends the file to an enrolled trainee, with its type, ETag and UTF-8 name', async () => {
      const res = await download(world.trainees[0].token, id).expect(200);
      expect(Buffer.compare(res.body, bytes)).toBe(0);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-length']).toBe(String(bytes.length));
      expect(res.headers['accept-ranges']).toBe('bytes');
      expect(res.headers.etag).toMatch(/^".+"$/);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
    });

    it('resumes with Range, and answers 304 to a matching If-None-Match and 416 past the end', async () => {
      const first = await download(world.trainees[0].token, id).expect(200);
      const part = await download(world.trainees[0].token, id).set('Range', 'bytes=1000-').expect(206);
      expect(Buffer.compare(part.body, bytes.subarray(1000))).toBe(0);
      expect(part.headers['content-range']).toBe(`bytes 1000-${bytes.length - 1}/${bytes.length}`);
      const middle = await download(world.trainees[0].token, id).set('Range', 'bytes=10-19').expect(206);
      expect(Buffer.compare(middle.body, bytes.subarray(10, 20))).toBe(0);
      const tail = await download(world.trainees[0].token, id).set('Range', 'bytes=-5').expect(206);
      expect(Buffer.compare(tail.body, bytes.subarray(-5))).toBe(0);
      await download(world.trainees[0].token, id).set('If-None-Match', first.headers.etag).expect(304);
      // A changed file (another etag) is sent whole rather than a part of the new one.
      await download(world.trainees[0].token, id)
        .set('Range', 'bytes=0-9')
        .set('If-Range', '"old"')
        .expect(200);
      const past = await download(world.trainees[0].token, id)
        .set('Range', `bytes=${bytes.length}-`)
        .expect(416);
      expect(past.headers['content-range']).toBe(`bytes */${bytes.length}`);
    });

    it('gives a link of a few minutes that the browser downloads from without the token, resuming with Range', async () => {
      const trainee = world.trainees[0];
      const link = await sut.http
        .get(`/api/materials/${id}/link`)
        .auth(trainee.token, { type: 'bearer' })
        .expect(200);
      expect(link.body.url).toMatch(new RegExp(`^/api/materials/${id}/download\\?token=`));
      const lifetime = Date.parse(link.body.expiresAt) - Date.now();
      expect(lifetime).toBeGreaterThan(5 * 60_000);
      expect(lifetime).toBeLessThanOrEqual(10 * 60_000);

      const whole = await sut.http.get(link.body.url).buffer(true).parse(binary).expect(200);
      expect(Buffer.compare(whole.body, bytes)).toBe(0);
      expect(whole.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
      expect(whole.headers['accept-ranges']).toBe('bytes');
      const rest = await sut.http
        .get(link.body.url)
        .set('Range', 'bytes=2000-')
        .buffer(true)
        .parse(binary)
        .expect(206);
      expect(Buffer.compare(rest.body, bytes.subarray(2000))).toBe(0);

      // A token altered, given to another file, or past its time opens nothing (404, as for a stranger).
      const token = new URL(link.body.url, 'http://academy.test').searchParams.get('token') as string;
      const other = (await upload(courseExpert.token, samplePdf('other'), 'autre.pdf').expect(201)).body.id;
      const expired = sut.app
        .get(SignedFileLinks)
        .sign(`material/${id}`, trainee.id, new Date(Date.now() - 1000));
      for (const path of [
        `/api/materials/${id}/download?token=${token.slice(0, -2)}xx`,
        `/api/materials/${other}/download?token=${token}`,
        `/api/materials/${id}/download?token=${expired}`,
      ]) {
        const res = await sut.http.get(path).buffer(true).parse(binary).expect(404);
        expect(JSON.parse(res.body.toString()).code).toBe('material-not-found');
      }
      // Only those who may download the file get a link.
      await sut.http
        .get(`/api/materials/${id}/link`)
        .auth(world.outsider.token, { type: 'bearer' })
        .expect(404);
    });

    it('serves staff: admin, the course expert, the cohort teacher and the centre coordinator', async () => {
      for (const token of [world.admin, courseExpert.token, world.expert.token, world.coordinator.token]) {
        await download(token, id).expect(200);
      }
    });

    it('answers 404 to a trainee of no cohort of the course, an unrelated expert or coordinator', async () => {
      const otherExpert = await sut.createUser('expert');
      const otherCoordinator = await sut.createUser('coordinator');
      for (const token of [world.outsider.token, otherExpert.token, otherCoordinator.token]) {
        const res = await download(token, id).expect(404);
        expect(JSON.parse(res.body.toString()).code).toBe('material-not-found');
      }
      await download(world.trainees[0].token, randomUUID()).expect(404);
    });

    it('lets only admins and the course experts upload or delete', async () => {
      await upload(world.expert.token, samplePdf(), 'x.pdf').expect(403);
      await upload(world.trainees[0].token, samplePdf(), 'x.pdf').expect(403);
      await upload(world.coordinator.token, samplePdf(), 'x.pdf').expect(403);
      await sut.http.delete(`/api/materials/${id}`).auth(world.expert.token, { type: 'bearer' }).expect(403);
      await sut.http
        .delete(`/api/materials/${id}`)
        .auth(world.trainees[0].token, { type: 'bearer' })
        .expect(403);
    });
  });

  it('DELETE removes the material and its file', async () => {
    const res = await upload(courseExpert.token, samplePdf('to-delete'), 'supprimer.pdf').expect(201);
    const holding = () => storedFiles().filter((f) => readFileSync(f).includes('to-delete'));
    expect(holding()).toHaveLength(1);

    await sut.http
      .delete(`/api/materials/${res.body.id}`)
      .auth(courseExpert.token, { type: 'bearer' })
      .expect(204);

    expect(holding()).toHaveLength(0);
    await download(world.trainees[0].token, res.body.id).expect(404);
    await sut.http
      .delete(`/api/materials/${res.body.id}`)
      .auth(courseExpert.token, { type: 'bearer' })
      .expect(404);
  });

  it('deleting a module removes its files too', async () => {
    const other = (
      await sut.http
        .post(`/api/courses/${world.courseId}/modules`)
        .auth(world.admin, { type: 'bearer' })
        .send({ title: { fr: 'Module jetable' }, position: 9 })
        .expect(201)
    ).body.id;
    await sut.http
      .post(`/api/courses/${world.courseId}/modules/${other}/materials`)
      .auth(world.admin, { type: 'bearer' })
      .attach('file', samplePdf('module-gone'), 'm.pdf')
      .expect(201);
    const holding = () => storedFiles().filter((f) => readFileSync(f).includes('module-gone'));
    expect(holding()).toHaveLength(1);

    await sut.http
      .delete(`/api/courses/${world.courseId}/modules/${other}`)
      .auth(world.admin, { type: 'bearer' })
      .expect(204);

    expect(holding()).toHaveLength(0);
  });
});

describe('Course materials on an S3-compatible store (e2e)', () => {
  const saved: Record<string, string | undefined> = {};
  let s3: S3TestServer;
  let sut: TestApp;

  beforeAll(async () => {
    s3 = await S3TestServer.start();
    for (const [key, value] of Object.entries(s3.environment)) {
      saved[key] = process.env[key];
      process.env[key] = value;
    }
    sut = await TestApp.start();
  });

  afterAll(async () => {
    await sut.close();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await s3.stop();
  });

  it('uploads to the bucket and serves the file back with ranges', async () => {
    const world = await createCohortWorld(sut, 1);
    const moduleId = (
      await sut.http
        .post(`/api/courses/${world.courseId}/modules`)
        .auth(world.admin, { type: 'bearer' })
        .send({ title: { fr: 'Module S3' }, position: 1 })
        .expect(201)
    ).body.id;
    const bytes = Buffer.concat([samplePdf('s3'), randomBytes(100_000)]);
    const created = await sut.http
      .post(`/api/courses/${world.courseId}/modules/${moduleId}/materials`)
      .auth(world.admin, { type: 'bearer' })
      .attach('file', bytes, 'guide.pdf')
      .expect(201);
    const before = storedFiles().length;

    const whole = await sut.http
      .get(`/api/materials/${created.body.id}/file`)
      .auth(world.trainees[0].token, { type: 'bearer' })
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(Buffer.compare(whole.body, bytes)).toBe(0);
    const part = await sut.http
      .get(`/api/materials/${created.body.id}/file`)
      .auth(world.trainees[0].token, { type: 'bearer' })
      .set('Range', 'bytes=100-199')
      .buffer(true)
      .parse(binary)
      .expect(206);
    expect(Buffer.compare(part.body, bytes.subarray(100, 200))).toBe(0);
    // Nothing of it on this machine's disk.
    expect(storedFiles().length).toBe(before);

    // The browser downloads from the bucket itself, with a presigned URL of ten minutes, and resumes there.
    const link = await sut.http
      .get(`/api/materials/${created.body.id}/link`)
      .auth(world.trainees[0].token, { type: 'bearer' })
      .expect(200);
    const presigned = new URL(link.body.url);
    expect(presigned.origin).toBe(new URL(s3.environment.S3_ENDPOINT).origin);
    expect(presigned.searchParams.get('X-Amz-Expires')).toBe('600');
    const fromBucket = await fetch(presigned, { headers: { Range: 'bytes=100-199' } });
    expect(fromBucket.status).toBe(206);
    expect(Buffer.compare(Buffer.from(await fromBucket.arrayBuffer()), bytes.subarray(100, 200))).toBe(0);
    expect(fromBucket.headers.get('content-disposition')).toContain("filename*=UTF-8''guide.pdf");

    await sut.http
      .delete(`/api/materials/${created.body.id}`)
      .auth(world.admin, { type: 'bearer' })
      .expect(204);
    expect(readdirSync(s3.directory, { recursive: true }).some((f) => String(f).includes('materials/'))).toBe(
      false,
    );
  });
});
