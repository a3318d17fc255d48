import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { LocalObjectStorage } from '@/core/storage/local-object-storage';
import { ObjectNotFoundError, ObjectStorage } from '@/core/storage/object-storage';
import { S3ObjectStorage } from '@/core/storage/s3-object-storage';
import { S3TestServer } from './support/s3-test-server';

/** Reads a stream to its end. */
async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** A stream that sends `head` then fails, like an upload whose connection drops halfway. */
function cutStream(head: Buffer): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(head);
      } else {
        setTimeout(() => this.destroy(new Error('connection reset')), 10);
      }
    },
  });
}

interface Driver {
  storage: ObjectStorage;
  /** Everything the store holds, however it holds it (files in a folder, s3rver's folder). */
  leftovers: () => string[];
  close: () => Promise<void>;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

const drivers: [string, () => Promise<Driver>][] = [
  [
    'local (DATA_DIR/files)',
    async () => {
      const root = mkdtempSync(join(tmpdir(), 'mre-files-'));
      return {
        storage: new LocalObjectStorage(root),
        leftovers: () => filesUnder(root),
        close: () => rm(root, { recursive: true, force: true }),
      };
    },
  ],
  [
    'S3 (s3rver over HTTP)',
    async () => {
      const server = await S3TestServer.start();
      return {
        storage: new S3ObjectStorage(server.settings),
        // s3rver keeps each object as a file plus metadata files; in-progress multipart parts too.
        leftovers: () => filesUnder(server.directory),
        close: () => server.stop(),
      };
    },
  ],
];

describe.each(drivers)('object storage contract: %s', (_name, make) => {
  let driver: Driver;
  let sut: ObjectStorage;

  beforeAll(async () => {
    driver = await make();
    sut = driver.storage;
  });

  afterAll(() => driver.close());

  it('stores a stream and gives back the same bytes, its size and an etag', async () => {
    const bytes = randomBytes(300_000);
    const key = `materials/${randomUUID()}`;

    const stored = await sut.put(
      key,
      Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]),
      'application/pdf',
    );

    expect(stored.sizeBytes).toBe(bytes.length);
    expect(stored.etag).toMatch(/\S/);
    expect(await sut.head(key)).toEqual(stored);
    expect(await bytesOf(await sut.get(key))).toEqual(bytes);
  });

  it('gives byte ranges, both ends included, to resume a download', async () => {
    const bytes = randomBytes(10_000);
    const key = `materials/${randomUUID()}`;
    await sut.put(key, Readable.from([bytes]), 'application/octet-stream');

    // Not bytes=0-0: s3rver answers it with the whole object (its end of 0 reads as "no end").
    expect(await bytesOf(await sut.get(key, { start: 0, end: 1 }))).toEqual(bytes.subarray(0, 2));
    expect(await bytesOf(await sut.get(key, { start: 5000, end: 9999 }))).toEqual(bytes.subarray(5000));
    expect(await bytesOf(await sut.get(key, { start: 1234, end: 4321 }))).toEqual(bytes.subarray(1234, 4322));
  });

  it('changes the etag when the object is replaced', async () => {
    const key = `materials/${randomUUID()}`;
    const first = await sut.put(key, Readable.from([Buffer.from('first version')]), 'text/plain');
    const second = await sut.put(key, Readable.from([Buffer.from('second version!')]), 'text/plain');

    expect(second.etag).not.toBe(first.etag);
    expect((await bytesOf(await sut.get(key))).toString()).toBe('second version!');
  });

  it('takes a file larger than one multipart part', async () => {
    const bytes = randomBytes(9 * 1024 * 1024);
    const key = `materials/${randomUUID()}`;

    const stored = await sut.put(key, Readable.from([bytes]), 'video/mp4');

    expect(stored.sizeBytes).toBe(bytes.length);
    const back = await bytesOf(await sut.get(key));
    expect(createHash('sha256').update(back).digest('hex')).toBe(
      createHash('sha256').update(bytes).digest('hex'),
    );
  });

  it('leaves nothing behind when the stream is cut halfway', async () => {
    const before = driver.leftovers().length;
    const key = `materials/${randomUUID()}`;

    await expect(sut.put(key, cutStream(randomBytes(100_000)), 'application/pdf')).rejects.toThrow();

    expect(await sut.head(key)).toBeNull();
    await expect(sut.get(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
    expect(driver.leftovers().length).toBe(before);
  });

  it('deletes, and deleting a missing object is not an error', async () => {
    const key = `materials/${randomUUID()}`;
    await sut.put(key, Readable.from([Buffer.from('to be removed')]), 'text/plain');

    await sut.delete(key);
    await sut.delete(key);

    expect(await sut.head(key)).toBeNull();
    await expect(sut.get(key)).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it('refuses keys that could leave the store', async () => {
    for (const key of ['../etc/passwd', 'materials/../../x', '/abs', 'a//b', 'materials/./x']) {
      await expect(sut.put(key, Readable.from([Buffer.from('x')]), 'text/plain')).rejects.toThrow(
        /Invalid storage key/,
      );
    }
  });
});

describe('presigned GET URLs', () => {
  it('S3: a URL of a few minutes fetches the object with the headers asked for, without credentials', async () => {
    const server = await S3TestServer.start();
    try {
      const sut = new S3ObjectStorage(server.settings);
      const key = `materials/${randomUUID()}`;
      await sut.put(key, Readable.from([Buffer.from('%PDF-1.4 hello')]), 'application/pdf');

      const url = await sut.presignedGetUrl(key, {
        expiresInSeconds: 300,
        contentType: 'application/pdf',
        contentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent('دليل.pdf')}`,
      });

      expect(url).toContain('X-Amz-Expires=300');
      const answer = await fetch(url as string);
      expect(answer.status).toBe(200);
      expect(await answer.text()).toBe('%PDF-1.4 hello');
      expect(answer.headers.get('content-disposition')).toContain("UTF-8''%D8%AF%D9%84%D9%8A%D9%84.pdf");

      const ranged = await fetch(url as string, { headers: { range: 'bytes=0-3' } });
      expect(ranged.status).toBe(206);
      expect(await ranged.text()).toBe('%PDF');
    } finally {
      await server.stop();
    }
  });

  it('local: no presigned URL (the API streams the file itself)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mre-files-'));
    try {
      expect(await new LocalObjectStorage(root).presignedGetUrl()).toBeNull();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
