// What `npm run backup` and `npm run restore` share: which database they work on, how a table is
// copied out and in, and how an archive is written and read.
//
// An archive is a gzip-compressed tar file:
//   db/<table>.copy   one per table, PostgreSQL's COPY text format, rows sorted by primary key,
//                     in dependency order (a table comes after those its foreign keys point to)
//   files/<path>      the stored files: those under DATA_DIR/files (local driver), or every object
//                     of the S3 bucket (S3 driver), the object's key being the path
//   manifest.json     last: schema version, tz data version, rows per table, size and SHA-256 of every entry
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { resolve, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { s3Settings } from './backup-bucket.mjs';
import { API_DIST, WORKSPACE, startEmbeddedPostgres } from './platform.mjs';

const require = createRequire(import.meta.url);
const tar = require('tar-stream');

export const FORMAT = 'mre-academy-backup';
export const FORMAT_VERSION = 1;
export const MANIFEST = 'manifest.json';
/** TypeORM's own tables: the migration runner fills them, so they are not copied. */
export const BOOKKEEPING_TABLES = new Set(['migrations', 'typeorm_metadata']);
/** The embedded server's port, as the API starts it (a test may move it). */
const EMBEDDED_PORT = () => Number(process.env.MRE_EMBEDDED_PG_PORT ?? 54329);

/** A refusal meant for the person at the terminal: printed without a stack trace. */
export class UserError extends Error {}

/**
 * Both commands use the API's build (its embedded-PostgreSQL starter and its migrations). In a
 * checkout with the dev tools, the build is brought up to date first, as `npm start` does (cached
 * by Nx); a production install (the Docker image) uses the build it ships.
 */
export function ensureApiBuild() {
  const nx = join(WORKSPACE, 'node_modules/.bin/nx');
  if (process.env.MRE_SKIP_BUILD !== '1' && existsSync(nx) && existsSync(join(WORKSPACE, 'apps/api/src'))) {
    const build = spawnSync(nx, ['run', 'api:build', '--outputStyle=static'], {
      cwd: WORKSPACE,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (build.status !== 0) throw new UserError('Building the API failed (npx nx run api:build shows why)');
  }
  if (!existsSync(join(API_DIST, 'main.js')))
    throw new UserError(`${API_DIST} is missing: build the API first (npx nx run api:build)`);
}

/**
 * Reads `.env` like the API does, and answers where the platform keeps its data: DATA_DIR
 * (default `.data`), DATABASE_URL (unset: the embedded PostgreSQL under DATA_DIR/pg) and the S3
 * bucket when S3_ENDPOINT is set (unset: files under DATA_DIR/files).
 */
export function platformSettings() {
  const envFile = resolve('.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const dataDir = resolve(process.env.DATA_DIR ?? '.data');
  return {
    dataDir,
    filesDir: join(dataDir, 'files'),
    databaseUrl: process.env.DATABASE_URL || undefined,
    s3: s3Settings(),
  };
}

/**
 * The database to work on: DATABASE_URL's, or the embedded PostgreSQL under DATA_DIR/pg, started
 * the way `npm start` starts it when it is not running (and stopped again afterwards). A backup
 * refuses when there is no embedded database at all; a restore creates a fresh one.
 */
export async function openDatabase(settings, { create }) {
  if (settings.databaseUrl) {
    return { url: settings.databaseUrl, where: 'DATABASE_URL', stop: async () => undefined };
  }
  const port = EMBEDDED_PORT();
  const running = await isListening(port);
  if (!running && !create && !existsSync(join(settings.dataDir, 'pg', 'PG_VERSION'))) {
    throw new UserError(
      `DATABASE_URL is unset and there is no embedded database under ${join(settings.dataDir, 'pg')}: ` +
        'nothing to back up. Set DATABASE_URL, or DATA_DIR to the folder `npm start` uses.',
    );
  }
  const server = await startEmbeddedPostgres({
    dir: settings.dataDir,
    port,
    database: 'mre_academy',
    persistent: true,
  });
  const where = running
    ? `the embedded PostgreSQL already running on port ${port}`
    : `the embedded PostgreSQL under ${join(settings.dataDir, 'pg')} (started for this, stopped afterwards)`;
  return { url: server.url, where, stop: server.stop };
}

function isListening(port) {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

/**
 * Settings that make COPY's text output the same on every server and session: a backup and the
 * check after a restore compare bytes.
 */
export const STABLE_OUTPUT = [
  "SET TimeZone TO 'UTC'",
  "SET DateStyle TO 'ISO, YMD'",
  "SET IntervalStyle TO 'postgres'",
  'SET extra_float_digits TO 3',
  "SET bytea_output TO 'hex'",
  "SET client_encoding TO 'UTF8'",
];

export const quote = (name) => `"${String(name).replaceAll('"', '""')}"`;

/**
 * The tables of the current schema (TypeORM's bookkeeping aside) with their stored columns (generated
 * ones are computed again on restore) and primary key, parents before children.
 */
export async function listTables(client) {
  const { rows } = await client.query(`
    SELECT c.relname AS name,
      (SELECT json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
                                         'collatable', a.attcollation <> 0) ORDER BY a.attnum)
         FROM pg_attribute a
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns,
      (SELECT json_agg(a.attname ORDER BY array_position(i.indkey::int2[], a.attnum))
         FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
        WHERE i.indrelid = c.oid AND i.indisprimary) AS primary_key,
      (SELECT coalesce(json_agg(DISTINCT p.relname), '[]')
         FROM pg_constraint f JOIN pg_class p ON p.oid = f.confrelid
        WHERE f.conrelid = c.oid AND f.contype = 'f' AND f.confrelid <> c.oid) AS parents
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    ORDER BY c.relname`);
  const tables = rows.filter((table) => !BOOKKEEPING_TABLES.has(table.name));
  return dependencyOrder(tables);
}

/** Parents first; a table's references to itself are checked at the end of its COPY, so they do not count. */
function dependencyOrder(tables) {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const ordered = [];
  const state = new Map();
  const visit = (table, path) => {
    if (state.get(table.name) === 'done') return;
    if (state.get(table.name) === 'visiting')
      throw new Error(
        `foreign keys form a cycle (${[...path, table.name].join(' → ')}): no order to copy them in`,
      );
    state.set(table.name, 'visiting');
    for (const parent of table.parents)
      if (byName.has(parent)) visit(byName.get(parent), [...path, table.name]);
    state.set(table.name, 'done');
    ordered.push(table);
  };
  for (const table of tables) visit(table, []);
  return ordered;
}

/** The rows of a table as COPY text, in a fixed order (byte order for text keys, whatever the collation). */
export function copyOutSql(table) {
  const columns = table.columns.map((column) => quote(column.name));
  const collatable = new Map(table.columns.map((column) => [column.name, column.collatable]));
  const order = table.primary_key
    ? table.primary_key.map((key) => `${quote(key)}${collatable.get(key) ? ' COLLATE "C"' : ''}`).join(', ')
    : `(${quote(table.name)}.*)::text COLLATE "C"`;
  return `COPY (SELECT ${columns.join(', ')} FROM ${quote(table.name)} ORDER BY ${order}) TO STDOUT`;
}

export function copyInSql(table) {
  return `COPY ${quote(table.name)} (${table.columns.map((column) => quote(column.name)).join(', ')}) FROM STDIN`;
}

/** The archive's entry for a table's rows. */
export const tableEntry = (name) => `db/${name}.copy`;

/** A pass-through stream that counts bytes and lines and computes the SHA-256 of what goes through. */
export function digester() {
  const hash = createHash('sha256');
  const result = { bytes: 0, lines: 0, sha256: '' };
  const stream = new Transform({
    transform(chunk, _encoding, callback) {
      hash.update(chunk);
      result.bytes += chunk.length;
      for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) result.lines++;
      callback(null, chunk);
    },
    flush(callback) {
      result.sha256 = hash.digest('hex');
      callback();
    },
  });
  return { stream, result };
}

/**
 * Calls `onEntry(header, stream)` for each entry of the archive in order; `onEntry` must consume
 * the stream. A damaged or cut gzip stream or tar structure rejects with the reason.
 */
export async function readArchive(file, onEntry) {
  const extract = tar.extract();
  const feeding = pipeline(createReadStream(file), createGunzip(), extract);
  // The reading side and the feeding side fail together: whichever fails first is the reason.
  let feedError;
  feeding.catch((error) => {
    feedError = error;
  });
  try {
    for await (const entry of extract) await onEntry(entry.header, entry);
  } catch (error) {
    throw feedError ?? error;
  }
  await feeding;
}

/**
 * Reads the whole archive once without touching anything: every entry's SHA-256 and size must
 * match the manifest, which must come last and list exactly the entries there are.
 */
export async function verifyArchive(file) {
  if (!existsSync(file)) throw new UserError(`${file} does not exist`);
  const seen = [];
  let manifestText;
  try {
    await readArchive(file, async (header, stream) => {
      if (manifestText !== undefined) throw new Error(`an entry (${header.name}) follows the manifest`);
      if (header.name === MANIFEST) {
        const chunks = [];
        for await (const chunk of stream) chunks.push(chunk);
        manifestText = Buffer.concat(chunks).toString('utf8');
        return;
      }
      const { stream: digest, result } = digester();
      await pipeline(stream, digest, async function* (source) {
        for await (const chunk of source) void chunk;
      });
      seen.push({ name: header.name, type: header.type, ...result });
    });
  } catch (error) {
    throw damaged(file, error.message);
  }
  if (manifestText === undefined) throw damaged(file, 'it has no manifest (cut short?)');
  let manifest;
  try {
    manifest = JSON.parse(manifestText);
  } catch {
    throw damaged(file, 'its manifest is not valid JSON');
  }
  if (manifest.format !== FORMAT)
    throw new UserError(`${file} is not an MRE Academy backup (format ${manifest.format})`);
  if (manifest.formatVersion !== FORMAT_VERSION)
    throw new UserError(
      `${file} is a backup in format version ${manifest.formatVersion}; this version reads ${FORMAT_VERSION}`,
    );
  const expected = new Map(manifestEntries(manifest).map((entry) => [entry.entry, entry]));
  for (const entry of seen) {
    const listed = expected.get(entry.name);
    if (!listed) throw damaged(file, `${entry.name} is not in the manifest`);
    if (entry.type !== 'file') throw damaged(file, `${entry.name} is not a plain file`);
    if (listed.bytes !== entry.bytes || listed.sha256 !== entry.sha256)
      throw damaged(file, `${entry.name} does not match its checksum in the manifest`);
    expected.delete(entry.name);
  }
  if (expected.size > 0) throw damaged(file, `${[...expected.keys()].join(', ')} missing`);
  return manifest;
}

/** Every entry the manifest lists: the tables' rows, then the files. */
export function manifestEntries(manifest) {
  return [...manifest.tables, ...(manifest.files?.entries ?? [])];
}

export function damaged(file, reason) {
  return new UserError(`${file} is damaged or incomplete (${reason}). Nothing was restored.`);
}
