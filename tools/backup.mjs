#!/usr/bin/env node
// `npm run backup -- --out FILE`: one archive with a consistent copy of the database (every table
// copied out with COPY inside one REPEATABLE READ transaction, so one snapshot), the stored files
// (under DATA_DIR/files, or every object of the S3 bucket when S3_ENDPOINT is set) and a manifest.
// Works on DATABASE_URL's server or on the embedded PostgreSQL (started for the backup when the
// platform is not running). See README "Backup and restore".
import { mkdtempSync, createReadStream, createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import { readdir, lstat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import {
  FORMAT,
  FORMAT_VERSION,
  MANIFEST,
  STABLE_OUTPUT,
  UserError,
  copyOutSql,
  digester,
  ensureApiBuild,
  listTables,
  openDatabase,
  platformSettings,
  quote,
  tableEntry,
} from './backup-archive.mjs';
import { Bucket } from './backup-bucket.mjs';
import { WORKSPACE } from './platform.mjs';

const require = createRequire(import.meta.url);
const pg = require('pg');
const { to: copyTo } = require('pg-copy-streams');
const tar = require('tar-stream');

const USAGE = 'Usage: npm run backup -- --out FILE';

async function main() {
  const args = process.argv.slice(2);
  const at = args.indexOf('--out');
  const target = at >= 0 ? args[at + 1] : undefined;
  if (!target || args.length !== 2) throw new UserError(USAGE);
  // npm runs scripts from the workspace; a relative FILE means the folder the command was typed in.
  const out = resolve(process.env.INIT_CWD ?? process.cwd(), target);
  ensureApiBuild();
  const settings = platformSettings();
  const bucket = settings.s3 ? new Bucket(settings.s3) : undefined;
  if (bucket) await bucket.check();
  const spool = mkdtempSync(join(tmpdir(), 'mre-backup-'));
  const database = await openDatabase(settings, { create: false });
  try {
    console.log(`Backing up the database (${database.where})`);
    const snapshot = await copyDatabase(database.url, spool);
    // The files after the database's snapshot: a file the copied rows name was stored before it.
    console.log(`Backing up the stored files (${bucket ? bucket.where : settings.filesDir})`);
    const source = bucket
      ? await bucketFiles(bucket)
      : localFiles(settings.filesDir, await listFiles(settings.filesDir));
    const partial = `${out}.partial`;
    const manifest = await writeArchive(partial, snapshot, source);
    renameSync(partial, out);
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    console.log(
      `Wrote ${out}: ${manifest.tables.length} tables (${rows} rows), ${manifest.files.entries.length} files, ` +
        `schema ${manifest.schemaVersion}, ${statSync(out).size} bytes`,
    );
  } finally {
    rmSync(spool, { recursive: true, force: true });
    bucket?.destroy();
    await database.stop();
  }
}

/** Every table's rows as COPY text files under `spool`, all read in one snapshot. */
async function copyDatabase(url, spool) {
  const client = new pg.Client({ connectionString: url, application_name: 'mre-backup' });
  await client.connect().catch((error) => {
    throw new UserError(`Cannot connect to the database: ${error.message}`);
  });
  try {
    for (const statement of STABLE_OUTPUT) await client.query(statement);
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const {
      rows: [{ present }],
    } = await client.query(`SELECT to_regclass('migrations') IS NOT NULL AS present`);
    if (!present)
      throw new UserError('This database has no migrations table: it is not an MRE Academy database');
    const migrations = (await client.query('SELECT name FROM migrations ORDER BY timestamp, id')).rows.map(
      (row) => row.name,
    );
    const tables = await listTables(client);
    const sequences = [];
    const names = await client.query(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind = 'S' ORDER BY c.relname`,
    );
    for (const { name } of names.rows) {
      const { rows } = await client.query(`SELECT last_value, is_called FROM ${quote(name)}`);
      sequences.push({ name, lastValue: rows[0].last_value, isCalled: rows[0].is_called });
    }
    const copied = [];
    for (const table of tables) {
      const file = join(spool, `${copied.length}.copy`);
      const { stream, result } = digester();
      await pipeline(client.query(copyTo(copyOutSql(table))), stream, createWriteStream(file));
      copied.push({
        name: table.name,
        entry: tableEntry(table.name),
        columns: table.columns.map((column) => ({ name: column.name, type: column.type })),
        rows: result.lines,
        bytes: result.bytes,
        sha256: result.sha256,
        file,
      });
    }
    const server = (await client.query('SHOW server_version')).rows[0].server_version;
    await client.query('COMMIT');
    return { migrations, tables: copied, sequences, server };
  } finally {
    await client.end();
  }
}

/** The files under DATA_DIR/files, each opened when its turn comes. */
function localFiles(root, paths) {
  return {
    from: { driver: 'local' },
    files: paths.map((path) => ({
      path,
      open: async () => {
        const absolute = join(root, ...path.split('/'));
        const info = statSync(absolute);
        return { body: createReadStream(absolute), bytes: info.size, mtime: info.mtime };
      },
    })),
  };
}

/**
 * Every object of the bucket (listed page by page), each streamed from the bucket when its turn
 * comes. An object deleted since the listing (a material removed meanwhile) is left out.
 */
async function bucketFiles(bucket) {
  const objects = await bucket.list();
  const files = [];
  for (const { key } of objects) {
    if (key.endsWith('/') || key.split('/').some((part) => part === '' || part === '.' || part === '..')) {
      console.warn(`Skipped the object ${JSON.stringify(key)}: not a file name (a folder marker?)`);
      continue;
    }
    files.push({
      path: key,
      open: async () => {
        const object = await bucket.get(key);
        if (!object) console.warn(`Skipped ${key}: deleted from the bucket during the backup`);
        return object;
      },
    });
  }
  return { from: { driver: 's3', bucket: bucket.name }, files };
}

/** The regular files under `root`, with paths relative to it (none when the folder does not exist). */
async function listFiles(root) {
  const found = [];
  const walk = async (folder) => {
    let names;
    try {
      names = await readdir(folder);
    } catch (error) {
      if (error.code === 'ENOENT' && folder === root) return;
      throw error;
    }
    for (const name of names.sort()) {
      // The local driver's half-written uploads: not stored files yet.
      if (folder === root && name === '.partial') continue;
      const path = join(folder, name);
      const info = await lstat(path);
      if (info.isDirectory()) await walk(path);
      else if (info.isFile()) found.push(relative(root, path).split(sep).join('/'));
      else console.warn(`Skipped ${path}: not a regular file`);
    }
  };
  await walk(root);
  return found;
}

async function writeArchive(file, snapshot, source) {
  const pack = tar.pack();
  // The archive holds personal data: readable by its owner only.
  const written = pipeline(pack, createGzip(), createWriteStream(file, { mode: 0o600 }));
  const add = (header, source) =>
    new Promise((done, fail) => {
      const entry = pack.entry(header, (error) => (error ? fail(error) : done()));
      source.once('error', fail);
      source.pipe(entry);
    });
  try {
    const mtime = new Date();
    for (const table of snapshot.tables)
      await add({ name: table.entry, size: table.bytes, mtime, mode: 0o644 }, createReadStream(table.file));
    const entries = [];
    for (const { path, open } of source.files) {
      const opened = await open();
      if (!opened) continue;
      const { stream, result } = digester();
      const body = opened.body.pipe(stream);
      opened.body.once('error', (error) => body.destroy(error));
      await add({ name: `files/${path}`, size: opened.bytes, mtime: opened.mtime, mode: 0o644 }, body);
      if (result.bytes !== opened.bytes)
        throw new Error(`${path} gave ${result.bytes} bytes instead of ${opened.bytes}`);
      entries.push({
        path,
        entry: `files/${path}`,
        bytes: result.bytes,
        sha256: result.sha256,
        ...(opened.contentType ? { contentType: opened.contentType } : {}),
      });
    }
    const { version } = require(join(WORKSPACE, 'package.json'));
    const manifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      appVersion: version,
      schemaVersion: snapshot.migrations.at(-1) ?? null,
      migrations: snapshot.migrations,
      postgresVersion: snapshot.server,
      tzdata: process.versions.tz,
      node: process.version,
      tables: snapshot.tables.map(({ file: _file, ...table }) => table),
      sequences: snapshot.sequences,
      files: { included: true, from: source.from, entries },
    };
    pack.entry({ name: MANIFEST, mtime, mode: 0o644 }, `${JSON.stringify(manifest, null, 2)}\n`);
    pack.finalize();
    await written;
    return manifest;
  } catch (error) {
    pack.destroy(error);
    await written.catch(() => undefined);
    rmSync(file, { force: true });
    throw error;
  }
}

main().catch((error) => {
  // Refusals, and PostgreSQL's or the network's errors (they carry a code), need no stack trace.
  const plain = error instanceof UserError || typeof error?.code === 'string';
  console.error(plain ? error.message : (error.stack ?? error));
  process.exitCode = 1;
});
