import { execFile } from 'node:child_process';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Readable } from 'node:stream';
import * as tar from 'tar-stream';
import { DataSource } from 'typeorm';
import { databaseOptions } from '@/core/database/database-options';
import { createCohortWorld } from './support/cohort-world';
import { samplePdf } from './support/material-samples';
import { DedicatedPostgres, freePort, PlatformProcess } from './support/processes';
import { S3TestServer } from './support/s3-test-server';
import { RemoteApi } from './support/test-app';

const WORKSPACE = join(__dirname, '../../..');

interface Run {
  code: number;
  out: string;
}

/** `npm run backup` / `npm run restore` as a person runs them (the build is already there: no rebuild). */
function tool(script: 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(WORKSPACE, 'tools', `${script}.mjs`), ...args],
      { cwd: WORKSPACE, env: { ...process.env, MRE_SKIP_BUILD: '1', ...env }, timeout: 120_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error.code as number) ?? 1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

/** Every table of the database: its row count and a digest of its rows (all columns, generated ones too). */
async function tableContents(url: string): Promise<Record<string, [number, string]>> {
  const db = await new DataSource({ type: 'postgres', url }).initialize();
  try {
    const tables: { name: string }[] = await db.query(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const contents: Record<string, [number, string]> = {};
    for (const { name } of tables) {
      // TypeORM's metadata names the database it is in: the migrations write the target's name there.
      const row =
        name === 'typeorm_metadata' ? `(t."schema", t."table", t.type, t.name, t.value)::text` : 't::text';
      const [{ n, digest }] = await db.query(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(${row}, E'\\n' ORDER BY ${row} COLLATE "C"), '')) AS digest
           FROM "${name}" t`,
      );
      contents[name] = [n, digest];
    }
    return contents;
  } finally {
    await db.destroy();
  }
}

/** Every file under the folder: its path and SHA-256. */
function fileDigests(root: string): Record<string, string> {
  const digests: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else digests[relative(root, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(root);
  return digests;
}

/** An archive's entries in order, and a way to pack (changed) entries again. */
async function unpack(file: string): Promise<{ name: string; data: Buffer }[]> {
  const entries: { name: string; data: Buffer }[] = [];
  const extract = tar.extract();
  Readable.from(gunzipSync(readFileSync(file))).pipe(extract);
  for await (const entry of extract) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    entries.push({ name: entry.header.name, data: Buffer.concat(chunks) });
  }
  return entries;
}

async function pack(file: string, entries: { name: string; data: Buffer }[]): Promise<void> {
  const packer = tar.pack();
  for (const entry of entries) packer.entry({ name: entry.name }, entry.data);
  packer.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of packer) chunks.push(chunk as Buffer);
  writeFileSync(file, gzipSync(Buffer.concat(chunks)));
}

/** Materials, a recording and a certificate PDF as a storage driver would keep them under DATA_DIR/files. */
function storeFiles(filesDir: string): void {
  mkdirSync(join(filesDir, 'materials/course-1'), { recursive: true });
  mkdirSync(join(filesDir, 'recordings'), { recursive: true });
  writeFileSync(
    join(filesDir, 'materials/course-1/programme.txt'),
    'Maintenance des trains d’atterrissage\n',
  );
  writeFileSync(join(filesDir, 'materials/course-1/دليل المتدرب.pdf'), randomBytes(70_000));
  writeFileSync(join(filesDir, 'recordings/session-1.mp4'), randomBytes(300_000));
  writeFileSync(join(filesDir, 'empty.bin'), Buffer.alloc(0));
}

/**
 * `npm run backup` then `npm run restore` (issue 19): a populated platform is backed up and restored
 * into a fresh database and storage folder, and every table's rows and every file come back; damaged
 * archives and a non-empty target are refused, leaving the target as it was.
 */
describe('Backup and restore (e2e)', () => {
  const serverUrl = process.env.MRE_TEST_SERVER_URL as string;
  const run = randomBytes(4).toString('hex');
  const folders: string[] = [];
  const databases: string[] = [];
  const work = mkdtempSync(join(tmpdir(), 'mre-backup-test-'));
  folders.push(work);

  const admin = async (sql: string) => {
    const server = await new DataSource({ type: 'postgres', url: serverUrl }).initialize();
    await server.query(sql);
    await server.destroy();
  };
  const createDatabase = async (name: string) => {
    await admin(`CREATE DATABASE ${name}`);
    databases.push(name);
    return Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
  };
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'mre-backup-data-'));
    folders.push(dir);
    return dir;
  };

  /** A platform with demo data, a cohort world, sessions and awkward text, on `databaseUrl`. */
  const populate = async (databaseUrl: string, dir: string) => {
    const port = await freePort();
    const api = new PlatformProcess('main', {
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DATA_DIR: dir,
      DEMO_DATA: 'on',
    });
    try {
      await api.waitForLog('MRE Academy listening on', 60_000);
      const remote = new RemoteApi(`http://127.0.0.1:${port}`);
      const world = await createCohortWorld(remote, 3);
      await world.addCohort();
      await remote.http
        .post(`/api/cohorts/${world.cohortId}/sessions`)
        .auth(world.expert.token, { type: 'bearer' })
        .send({ title: 'Séance 1', startsAt: '2027-03-02T09:00:00Z', durationMinutes: 90, mode: 'remote' })
        .expect(201);
    } finally {
      await api.stop();
    }
    // What COPY must escape and keep exact: tabs, new lines, backslashes, quotes, Arabic, JSON.
    const db = await new DataSource({ type: 'postgres', url: databaseUrl }).initialize();
    await db.query(`INSERT INTO networks (name, country) VALUES ($1, 'Suisse')`, [
      'Réseau\t"quoté"\nsur deux lignes \\ et شبكة',
    ]);
    await db.query(`UPDATE users SET full_name = $1 WHERE role = 'trainee' AND full_name LIKE 'Trainee 1%'`, [
      'Fatima-Zahra \\N Aït\tBenali',
    ]);
    await db.destroy();
    storeFiles(join(dir, 'files'));
  };

  let sourceUrl: string;
  let sourceDir: string;
  let archive: string;
  let restoredUrl: string;
  let restoredDir: string;

  beforeAll(async () => {
    sourceUrl = await createDatabase(`mre_backup_src_${run}`);
    sourceDir = dataDir();
    await populate(sourceUrl, sourceDir);
    archive = join(work, 'platform.tar.gz');
    const backup = await tool('backup', ['--out', archive], { DATABASE_URL: sourceUrl, DATA_DIR: sourceDir });
    expect(backup).toEqual({ code: 0, out: expect.stringContaining(`Wrote ${archive}`) });
  }, 180_000);

  afterAll(async () => {
    for (const name of databases) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('restores every table row for row and every file byte for byte into a fresh database and folder', async () => {
    restoredUrl = await createDatabase(`mre_backup_dst_${run}`);
    restoredDir = dataDir();
    const restore = await tool('restore', [archive], { DATABASE_URL: restoredUrl, DATA_DIR: restoredDir });
    expect(restore.out).toContain('every count and checksum matches');
    expect(restore.code).toBe(0);

    const before = await tableContents(sourceUrl);
    expect(before.users[0]).toBeGreaterThanOrEqual(6);
    expect(before.live_sessions[0]).toBeGreaterThanOrEqual(1);
    expect(before.sectors[0]).toBe(6);
    expect(await tableContents(restoredUrl)).toEqual(before);
    expect(fileDigests(join(restoredDir, 'files'))).toEqual(fileDigests(join(sourceDir, 'files')));
    expect(Object.keys(fileDigests(join(restoredDir, 'files')))).toHaveLength(4);

    const manifest = JSON.parse(
      (await unpack(archive)).find((entry) => entry.name === 'manifest.json')?.data.toString() ?? '{}',
    );
    expect(manifest).toMatchObject({
      format: 'mre-academy-backup',
      schemaVersion: expect.stringMatching(/^[A-Z][A-Za-z]+\d{13}$/),
      tzdata: process.versions.tz,
    });
    expect(manifest.tables.find((t: { name: string }) => t.name === 'users').rows).toBe(before.users[0]);
  });

  it('refuses a target that holds data unless --force, then replaces it', async () => {
    const before = await tableContents(restoredUrl);
    writeFileSync(join(restoredDir, 'files', 'added-later.txt'), 'not in the backup');
    const refused = await tool('restore', [archive], { DATABASE_URL: restoredUrl, DATA_DIR: restoredDir });
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/The target is not empty \(rows in .*users.*files in .*\)\. .* --force/);
    expect(await tableContents(restoredUrl)).toEqual(before);
    expect(readFileSync(join(restoredDir, 'files', 'added-later.txt'), 'utf8')).toBe('not in the backup');

    // A running API or worker would write beside the restore: refused while anyone is connected.
    const connected = await new DataSource({
      type: 'postgres',
      url: restoredUrl,
      applicationName: 'a-running-api',
    }).initialize();
    const busy = await tool('restore', [archive, '--force'], {
      DATABASE_URL: restoredUrl,
      DATA_DIR: restoredDir,
    });
    await connected.destroy();
    expect(busy.code).toBe(1);
    expect(busy.out).toContain('Other sessions are connected to the target database (a-running-api: ');
    expect(busy.out).toContain('Stop the API and the workers before restoring');

    const forced = await tool('restore', [archive, '--force'], {
      DATABASE_URL: restoredUrl,
      DATA_DIR: restoredDir,
    });
    expect(forced.code).toBe(0);
    expect(await tableContents(restoredUrl)).toEqual(await tableContents(sourceUrl));
    expect(fileDigests(join(restoredDir, 'files'))).toEqual(fileDigests(join(sourceDir, 'files')));
  });

  it('refuses a cut or altered archive with a clear error and leaves the target untouched', async () => {
    const targetUrl = await createDatabase(`mre_backup_bad_${run}`);
    const targetDir = dataDir();
    const bytes = readFileSync(archive);
    const entries = await unpack(archive);

    const cut = join(work, 'cut.tar.gz');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    // One byte of the users' rows changed, the gzip stream itself intact: only the checksum sees it.
    const altered = join(work, 'altered.tar.gz');
    await pack(
      altered,
      entries.map((entry) =>
        entry.name === 'db/users.copy'
          ? { ...entry, data: Buffer.from(entry.data.toString().replace('@', '#')) }
          : entry,
      ),
    );
    const noManifest = join(work, 'no-manifest.tar.gz');
    await pack(
      noManifest,
      entries.filter((entry) => entry.name !== 'manifest.json'),
    );

    for (const [file, reason] of [
      [cut, /unexpected end of file/],
      [altered, /db\/users\.copy does not match its checksum/],
      [noManifest, /no manifest/],
    ] as const) {
      const refused = await tool('restore', [file], { DATABASE_URL: targetUrl, DATA_DIR: targetDir });
      expect(refused.code).toBe(1);
      expect(refused.out).toContain(`${file} is damaged or incomplete`);
      expect(refused.out).toMatch(reason);
      expect(refused.out).toContain('Nothing was restored');
    }
    expect(await tableContents(targetUrl)).toEqual({});
    expect(readdirSync(targetDir)).toEqual([]);
  });

  it('rolls everything back when PostgreSQL refuses rows half-way, even with --force', async () => {
    // Checksums that match, rows that do not fit: a user twice, copied after several other tables.
    const entries = await unpack(archive);
    const manifestEntry = entries.find((entry) => entry.name === 'manifest.json') as { data: Buffer };
    const manifest = JSON.parse(manifestEntry.data.toString());
    const users = entries.find((entry) => entry.name === 'db/users.copy') as { data: Buffer };
    const [firstUser] = users.data.toString().split('\n');
    users.data = Buffer.concat([users.data, Buffer.from(`${firstUser}\n`)]);
    const listed = manifest.tables.find((t: { name: string }) => t.name === 'users');
    listed.sha256 = createHash('sha256').update(users.data).digest('hex');
    listed.bytes = users.data.length;
    manifestEntry.data = Buffer.from(JSON.stringify(manifest));
    const poisoned = join(work, 'poisoned.tar.gz');
    await pack(poisoned, entries);

    const before = await tableContents(restoredUrl);
    const files = fileDigests(join(restoredDir, 'files'));
    const refused = await tool('restore', [poisoned, '--force'], {
      DATABASE_URL: restoredUrl,
      DATA_DIR: restoredDir,
    });
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/PostgreSQL refused the rows: duplicate key value/);
    expect(await tableContents(restoredUrl)).toEqual(before);
    expect(fileDigests(join(restoredDir, 'files'))).toEqual(files);
    expect(readdirSync(restoredDir)).toEqual(['files']);
  });

  it('backs up the embedded PostgreSQL when the platform is stopped and restores into a new embedded one', async () => {
    // The embedded server as `npm start` runs it, on a port of the test's own instead of 54329.
    const sourceEmbedded = dataDir();
    const port = await freePort();
    const server = new DedicatedPostgres(sourceEmbedded, port, 'mre_academy');
    await server.start();
    try {
      await populate(server.url, sourceEmbedded);
    } finally {
      await server.stop();
    }
    const embeddedArchive = join(work, 'embedded.tar.gz');
    const embedded = (dir: string, embeddedPort: number) => ({
      DATABASE_URL: '',
      DATA_DIR: dir,
      MRE_EMBEDDED_PG_PORT: String(embeddedPort),
    });
    const backup = await tool('backup', ['--out', embeddedArchive], embedded(sourceEmbedded, port));
    expect(backup.out).toContain('started for this, stopped afterwards');
    expect(backup.code).toBe(0);

    const targetEmbedded = dataDir();
    const targetPort = await freePort();
    const restore = await tool('restore', [embeddedArchive], embedded(targetEmbedded, targetPort));
    expect(restore.out).toContain('every count and checksum matches');
    expect(restore.code).toBe(0);
    expect(fileDigests(join(targetEmbedded, 'files'))).toEqual(fileDigests(join(sourceEmbedded, 'files')));

    const source = new DedicatedPostgres(sourceEmbedded, port, 'mre_academy');
    const target = new DedicatedPostgres(targetEmbedded, targetPort, 'mre_academy');
    await source.start();
    await target.start();
    try {
      const contents = await tableContents(source.url);
      expect(contents.users[0]).toBeGreaterThanOrEqual(6);
      expect(await tableContents(target.url)).toEqual(contents);
    } finally {
      await source.stop();
      await target.stop();
    }
  }, 180_000);

  it('copies every table from one snapshot while the platform keeps writing', async () => {
    // Each transaction adds a network and a user in it: a copy taken table by table at different
    // moments would hold users whose network is missing, which the restore's foreign keys refuse.
    const writer = await new DataSource({ type: 'postgres', url: sourceUrl }).initialize();
    let writing = true;
    let written = 0;
    const loop = (async () => {
      while (writing && written < 20_000) {
        await writer.transaction(async (manager) => {
          const [network] = await manager.query(
            `INSERT INTO networks (name, country) VALUES ($1, 'Writer') RETURNING id`,
            [`Writer ${written}`],
          );
          await manager.query(
            `INSERT INTO users (email, full_name, role, status, locale, time_zone, network_id)
             VALUES ($1, 'Writer', 'expert', 'active', 'fr', 'Europe/Zurich', $2)`,
            [`writer-${written}@academy.test`, network.id],
          );
        });
        written++;
      }
    })();
    const busyArchive = join(work, 'busy.tar.gz');
    const before = written;
    const backup = await tool('backup', ['--out', busyArchive], {
      DATABASE_URL: sourceUrl,
      DATA_DIR: sourceDir,
    });
    const during = written - before;
    writing = false;
    await loop;
    await writer.destroy();
    expect(backup.code).toBe(0);
    expect(during).toBeGreaterThan(0);

    const targetUrl = await createDatabase(`mre_backup_busy_${run}`);
    const restore = await tool('restore', [busyArchive], { DATABASE_URL: targetUrl, DATA_DIR: dataDir() });
    expect(restore.out).toContain('every count and checksum matches');
    const target = await new DataSource({ type: 'postgres', url: targetUrl }).initialize();
    const [{ networks, users }] = await target.query(
      `SELECT (SELECT count(*)::int FROM networks WHERE country = 'Writer') AS networks,
              (SELECT count(*)::int FROM users WHERE full_name = 'Writer') AS users`,
    );
    await target.destroy();
    expect(users).toBe(networks);
    expect(networks).toBeLessThanOrEqual(written);
  });

  it('restores a backup of an older schema and brings it up to date; refuses one from a newer version', async () => {
    // A database one migration behind this version, as an install before the last upgrade kept it.
    const olderUrl = await createDatabase(`mre_backup_older_${run}`);
    const older = await new DataSource(databaseOptions(olderUrl)).initialize();
    await older.runMigrations();
    const latest = older.migrations.at(-1)?.name as string;
    await older.undoLastMigration();
    await older.query(`INSERT INTO networks (name, country) VALUES ('Réseau d’avant', 'Allemagne')`);
    await older.destroy();
    const olderArchive = join(work, 'older.tar.gz');
    const olderDir = dataDir();
    expect(
      (await tool('backup', ['--out', olderArchive], { DATABASE_URL: olderUrl, DATA_DIR: olderDir })).code,
    ).toBe(0);

    const targetUrl = await createDatabase(`mre_backup_upgraded_${run}`);
    const restore = await tool('restore', [olderArchive], { DATABASE_URL: targetUrl, DATA_DIR: dataDir() });
    expect(restore.out).toContain('Applied 1 migration(s) newer than the backup');
    expect(restore.code).toBe(0);
    const target = await new DataSource({ type: 'postgres', url: targetUrl }).initialize();
    const applied = await target.query(`SELECT name FROM migrations ORDER BY id DESC LIMIT 1`);
    const networks = await target.query(`SELECT name FROM networks`);
    await target.destroy();
    expect(applied).toEqual([{ name: latest }]);
    expect(networks).toEqual([{ name: 'Réseau d’avant' }]);

    // The same archive as a later version would write it: a migration this version does not know.
    const entries = await unpack(olderArchive);
    const manifestEntry = entries.find((entry) => entry.name === 'manifest.json') as { data: Buffer };
    const manifest = JSON.parse(manifestEntry.data.toString());
    manifest.migrations.push('FromTheFuture1999999999999');
    manifestEntry.data = Buffer.from(JSON.stringify(manifest));
    const newer = join(work, 'newer.tar.gz');
    await pack(newer, entries);
    const freshUrl = await createDatabase(`mre_backup_future_${run}`);
    const refused = await tool('restore', [newer], { DATABASE_URL: freshUrl, DATA_DIR: dataDir() });
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(
      'FromTheFuture1999999999999, which this version of MRE Academy does not know',
    );
    expect(await tableContents(freshUrl)).toEqual({});
  });
});

/** A client of the test S3 server, as any S3 tool would see its bucket. */
function bucketClient(server: S3TestServer): S3Client {
  const { endpoint, region, forcePathStyle, accessKeyId, secretAccessKey } = server.settings;
  return new S3Client({ endpoint, region, forcePathStyle, credentials: { accessKeyId, secretAccessKey } });
}

/** Every object of the bucket: its key and SHA-256. */
async function bucketDigests(server: S3TestServer): Promise<Record<string, string>> {
  const client = bucketClient(server);
  const digests: Record<string, string> = {};
  try {
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: server.settings.bucket, ContinuationToken: token }),
      );
      for (const { Key } of page.Contents ?? []) {
        const object = await client.send(new GetObjectCommand({ Bucket: server.settings.bucket, Key }));
        const bytes = await (
          object.Body as { transformToByteArray(): Promise<Uint8Array> }
        ).transformToByteArray();
        digests[Key as string] = createHash('sha256').update(bytes).digest('hex');
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return digests;
  } finally {
    client.destroy();
  }
}

async function putObject(server: S3TestServer, key: string, body: Buffer): Promise<void> {
  const client = bucketClient(server);
  await client.send(new PutObjectCommand({ Bucket: server.settings.bucket, Key: key, Body: body }));
  client.destroy();
}

/**
 * The same round trip with the S3 storage driver (issue 19): the platform keeps its files in a
 * bucket of an S3-protocol server; the backup holds every object, and a restore puts them into an
 * empty bucket, or into DATA_DIR/files, and a local backup into a bucket.
 */
describe('Backup and restore with the S3 storage driver (e2e)', () => {
  const serverUrl = process.env.MRE_TEST_SERVER_URL as string;
  const run = randomBytes(4).toString('hex');
  const folders: string[] = [];
  const databases: string[] = [];
  const servers: S3TestServer[] = [];
  const work = mkdtempSync(join(tmpdir(), 'mre-backup-s3-test-'));
  folders.push(work);
  /** The local driver: none of the S3 variables. */
  const noS3 = { S3_ENDPOINT: '', S3_BUCKET: '', S3_ACCESS_KEY_ID: '', S3_SECRET_ACCESS_KEY: '' };

  const admin = async (sql: string) => {
    const server = await new DataSource({ type: 'postgres', url: serverUrl }).initialize();
    await server.query(sql);
    await server.destroy();
  };
  const createDatabase = async (name: string) => {
    await admin(`CREATE DATABASE ${name}`);
    databases.push(name);
    return Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
  };
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'mre-backup-s3-data-'));
    folders.push(dir);
    return dir;
  };
  const bucket = async (name: string) => {
    const server = await S3TestServer.start(name);
    servers.push(server);
    return server;
  };

  let source: S3TestServer;
  let sourceUrl: string;
  let archive: string;
  let sourceObjects: Record<string, string>;

  beforeAll(async () => {
    source = await bucket('academy-files');
    sourceUrl = await createDatabase(`mre_backup_s3src_${run}`);
    const port = await freePort();
    const api = new PlatformProcess('main', {
      PORT: String(port),
      DATABASE_URL: sourceUrl,
      DATA_DIR: dataDir(),
      DEMO_DATA: 'on',
      ...source.environment,
    });
    try {
      await api.waitForLog('MRE Academy listening on', 60_000);
      const remote = new RemoteApi(`http://127.0.0.1:${port}`);
      const world = await createCohortWorld(remote, 2);
      const moduleId = (
        await remote.http
          .post(`/api/courses/${world.courseId}/modules`)
          .auth(world.admin, { type: 'bearer' })
          .send({ title: { fr: 'Module sauvegardé' }, position: 1 })
          .expect(201)
      ).body.id;
      // Two materials uploaded through the API: a small one and one of several multipart parts.
      for (const [name, bytes] of [
        ['guide.pdf', Buffer.concat([samplePdf('petit'), randomBytes(50_000)])],
        ['manuel.pdf', Buffer.concat([samplePdf('grand'), randomBytes(9 * 1024 * 1024)])],
      ] as const)
        await remote.http
          .post(`/api/courses/${world.courseId}/modules/${moduleId}/materials`)
          .auth(world.admin, { type: 'bearer' })
          .attach('file', bytes, name)
          .expect(201);
    } finally {
      await api.stop();
    }
    // A recording as Egress writes it into the bucket, and an empty object.
    await putObject(source, 'recordings/session-1.mp4', randomBytes(300_000));
    await putObject(source, 'recordings/empty.bin', Buffer.alloc(0));
    sourceObjects = await bucketDigests(source);
    expect(Object.keys(sourceObjects).filter((key) => key.startsWith('materials/'))).toHaveLength(2);

    archive = join(work, 's3-platform.tar.gz');
    const backup = await tool('backup', ['--out', archive], {
      DATABASE_URL: sourceUrl,
      DATA_DIR: dataDir(),
      ...source.environment,
    });
    expect(backup.out).toContain(`Wrote ${archive}`);
    expect(backup.out).toContain('4 files');
    expect(backup.code).toBe(0);
  }, 240_000);

  afterAll(async () => {
    for (const server of servers) await server.stop();
    for (const name of databases) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('holds every object of the bucket and restores them into a fresh database and an empty bucket', async () => {
    const manifest = JSON.parse(
      (await unpack(archive)).find((entry) => entry.name === 'manifest.json')?.data.toString() ?? '{}',
    );
    expect(manifest.files).toMatchObject({ included: true, from: { driver: 's3', bucket: 'academy-files' } });
    expect(
      Object.fromEntries(
        manifest.files.entries.map((e: { path: string; sha256: string }) => [e.path, e.sha256]),
      ),
    ).toEqual(sourceObjects);

    const target = await bucket('academy-restored');
    const targetUrl = await createDatabase(`mre_backup_s3dst_${run}`);
    const restore = await tool('restore', [archive], {
      DATABASE_URL: targetUrl,
      DATA_DIR: dataDir(),
      ...target.environment,
    });
    expect(restore.out).toContain('4 files (into the S3 bucket academy-restored');
    expect(restore.out).toContain('every count and checksum matches');
    expect(restore.code).toBe(0);
    const before = await tableContents(sourceUrl);
    expect(before.course_materials[0]).toBeGreaterThanOrEqual(2);
    expect(await tableContents(targetUrl)).toEqual(before);
    expect(await bucketDigests(target)).toEqual(sourceObjects);
  });

  it('refuses a bucket that holds objects unless --force, then replaces its content', async () => {
    const target = await bucket('academy-used');
    await putObject(target, 'materials/stray/old.pdf', Buffer.from('not in the backup'));
    const targetUrl = await createDatabase(`mre_backup_s3used_${run}`);
    const env = { DATABASE_URL: targetUrl, DATA_DIR: dataDir(), ...target.environment };

    const refused = await tool('restore', [archive], env);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(
      /The target is not empty \(1 objects in the S3 bucket academy-used at http:\/\/127\.0\.0\.1:\d+\)\. .* --force/,
    );
    expect(await bucketDigests(target)).toEqual({
      'materials/stray/old.pdf': createHash('sha256').update('not in the backup').digest('hex'),
    });
    expect(await tableContents(targetUrl)).toEqual({});

    const forced = await tool('restore', [archive, '--force'], env);
    expect(forced.out).toContain('Deleted 1 objects of the bucket that the backup does not hold');
    expect(forced.code).toBe(0);
    expect(await bucketDigests(target)).toEqual(sourceObjects);
    expect(await tableContents(targetUrl)).toEqual(await tableContents(sourceUrl));
  });

  it('restores an S3 backup into local storage, and a local backup into a bucket', async () => {
    const localUrl = await createDatabase(`mre_backup_s3local_${run}`);
    const localDir = dataDir();
    const toLocal = await tool('restore', [archive], { DATABASE_URL: localUrl, DATA_DIR: localDir, ...noS3 });
    expect(toLocal.out).toContain('every count and checksum matches');
    expect(toLocal.code).toBe(0);
    expect(fileDigests(join(localDir, 'files'))).toEqual(sourceObjects);
    expect(await tableContents(localUrl)).toEqual(await tableContents(sourceUrl));

    const localArchive = join(work, 'local.tar.gz');
    const backup = await tool('backup', ['--out', localArchive], {
      DATABASE_URL: localUrl,
      DATA_DIR: localDir,
      ...noS3,
    });
    expect(backup.code).toBe(0);
    const target = await bucket('academy-from-local');
    const targetUrl = await createDatabase(`mre_backup_s3back_${run}`);
    const toBucket = await tool('restore', [localArchive], {
      DATABASE_URL: targetUrl,
      DATA_DIR: dataDir(),
      ...target.environment,
    });
    expect(toBucket.out).toContain('every count and checksum matches');
    expect(toBucket.code).toBe(0);
    expect(await bucketDigests(target)).toEqual(sourceObjects);
    expect(await tableContents(targetUrl)).toEqual(await tableContents(sourceUrl));
  });

  it('takes the uploaded objects back out of the bucket when the restore fails after uploading them', async () => {
    // Checksums that match, a row count that does not: found by the check after the files went up.
    const entries = await unpack(archive);
    const manifestEntry = entries.find((entry) => entry.name === 'manifest.json') as { data: Buffer };
    const manifest = JSON.parse(manifestEntry.data.toString());
    const networks = manifest.tables.find((t: { name: string }) => t.name === 'networks');
    networks.rows += 1;
    manifestEntry.data = Buffer.from(JSON.stringify(manifest));
    const miscounted = join(work, 'miscounted.tar.gz');
    await pack(miscounted, entries);

    const target = await bucket('academy-failed');
    const targetUrl = await createDatabase(`mre_backup_s3fail_${run}`);
    const refused = await tool('restore', [miscounted], {
      DATABASE_URL: targetUrl,
      DATA_DIR: dataDir(),
      ...target.environment,
    });
    expect(refused.out).toContain('Uploading the stored files to the S3 bucket academy-failed');
    expect(refused.out).toContain(
      `networks has ${networks.rows - 1} rows after the restore, the backup ${networks.rows}`,
    );
    expect(refused.code).toBe(1);
    expect(await bucketDigests(target)).toEqual({});
    expect(await tableContents(targetUrl)).toEqual({});
  });

  it('refuses a restore into a bucket that does not exist, changing nothing', async () => {
    const target = await bucket('academy-other');
    const targetUrl = await createDatabase(`mre_backup_s3none_${run}`);
    const refused = await tool('restore', [archive], {
      DATABASE_URL: targetUrl,
      DATA_DIR: dataDir(),
      ...target.environment,
      S3_BUCKET: 'no-such-bucket',
    });
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/Cannot use the S3 bucket no-such-bucket at .*: it does not exist/);
    expect(await tableContents(targetUrl)).toEqual({});
    expect(await bucketDigests(target)).toEqual({});
  });
});
