#!/usr/bin/env node
// `npm run backup -- --out FILE`: one archive with a consistent copy of the database (every table
// copied out with COPY inside one REPEATABLE READ transaction, so one snapshot), the stored files
// under DATA_DIR/files and a manifest. Works on DATABASE_URL's server or on the embedded
// PostgreSQL (started for the backup when the platform is not running). See README "Backup and restore".
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
  const spool = mkdtempSync(join(tmpdir(), 'mre-backup-'));
  const database = await openDatabase(settings, { create: false });
  try {
    console.log(`Backing up the database (${database.where})`);
    const snapshot = await copyDatabase(database.url, spool);
    const files = settings.bucket ? [] : await listFiles(settings.filesDir);
    const partial = `${out}.partial`;
    const manifest = await writeArchive(partial, snapshot, files, settings);
    renameSync(partial, out);
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    console.log(
      `Wrote ${out}: ${manifest.tables.length} tables (${rows} rows), ${manifest.files.entries.length} files, ` +
        `schema ${manifest.schemaVersion}, ${statSync(out).size} bytes`,
    );
    if (settings.bucket)
      console.log(
        `Stored files live in the S3 bucket ${settings.bucket}: they are not in this archive (keep the bucket versioned).`,
      );
  } finally {
    rmSync(spool, { recursive: true, force: true });
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

async function writeArchive(file, snapshot, files, settings) {
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
    for (const path of files) {
      const absolute = join(settings.filesDir, ...path.split('/'));
      const info = statSync(absolute);
      const { stream, result } = digester();
      const source = createReadStream(absolute).pipe(stream);
      await add({ name: `files/${path}`, size: info.size, mtime: info.mtime, mode: 0o644 }, source);
      entries.push({ path, entry: `files/${path}`, bytes: result.bytes, sha256: result.sha256 });
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
      files: settings.bucket
        ? { included: false, reason: `stored in the S3 bucket ${settings.bucket}`, entries: [] }
        : { included: true, entries },
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
