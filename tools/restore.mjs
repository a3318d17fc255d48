#!/usr/bin/env node
// `npm run restore -- FILE [--force]`: checks the whole archive first, then in ONE transaction runs
// the API's migrations up to the archive's schema version, copies every table in with COPY FROM STDIN
// (parents first), sets the sequences, compares every table with the manifest (row counts, and the
// SHA-256 of the rows copied out again), runs the migrations newer than the archive, and commits.
// The stored files are written to a folder beside DATA_DIR/files and put in place once the database
// has committed; with S3_ENDPOINT set they are uploaded to the bucket instead, read back and checked
// before the database commits. Anything wrong: the transaction is rolled back, the files are
// removed again, and the target is as it was (save objects of a bucket restored with --force that
// were overwritten under the same key: bucket versioning keeps their earlier versions).
import { mkdirSync, readdirSync, renameSync, rmSync, existsSync, createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  BOOKKEEPING_TABLES,
  MANIFEST,
  STABLE_OUTPUT,
  UserError,
  copyInSql,
  copyOutSql,
  damaged,
  digester,
  ensureApiBuild,
  listTables,
  openDatabase,
  platformSettings,
  quote,
  readArchive,
  verifyArchive,
} from './backup-archive.mjs';
import { Bucket } from './backup-bucket.mjs';
import { API_DIST } from './platform.mjs';

const require = createRequire(import.meta.url);
const { DataSource, MigrationExecutor } = require('typeorm');
const { from: copyFrom, to: copyTo } = require('pg-copy-streams');

const USAGE = 'Usage: npm run restore -- FILE [--force]';

async function main() {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const rest = args.filter((arg) => arg !== '--force');
  if (rest.length !== 1 || rest[0].startsWith('-')) throw new UserError(USAGE);
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), rest[0]);

  console.log(`Checking ${file}`);
  const manifest = await verifyArchive(file);
  ensureApiBuild();
  const settings = platformSettings();
  const restoreFiles = manifest.files.included;
  const bucket = settings.s3 ? new Bucket(settings.s3) : undefined;
  const storage = bucket ? bucket.where : settings.filesDir;
  if (!restoreFiles)
    console.log(`The archive holds no stored files (${manifest.files.reason}): ${storage} is left as it is.`);
  else if (bucket) await bucket.check();
  if (manifest.tzdata !== process.versions.tz)
    console.log(
      `Note: the backup was made with tz data ${manifest.tzdata}, this runtime has ${process.versions.tz}; ` +
        'the API re-anchors future sessions at start if the rules differ.',
    );

  const options = databaseOptions();
  const database = await openDatabase(settings, { create: true });
  const dataSource = new DataSource({ ...options, url: database.url });
  let staging;
  /** The bucket's keys before the restore, and those the restore has uploaded so far. */
  const inBucket = { before: new Set(), uploaded: [] };
  let committed = false;
  try {
    console.log(`Restoring into ${database.where}`);
    await dataSource.initialize().catch((error) => {
      throw new UserError(
        `Cannot connect to the target database: ${error.message}. It must exist (createdb NAME); it may be empty.`,
      );
    });
    const known = dataSource.migrations.map((migration) => migration.name);
    const upTo = checkSchemaVersion(manifest, known);

    const runner = dataSource.createQueryRunner();
    await runner.connect();
    const client = runner.databaseConnection;
    try {
      await refuseOtherSessions(client);
      const { tables: present, existing } = await whatIsThere(
        client,
        restoreFiles ? settings.filesDir : undefined,
      );
      if (bucket && restoreFiles) {
        inBucket.before = new Set((await bucket.list()).map((object) => object.key));
        if (inBucket.before.size > 0) existing.push(`${inBucket.before.size} objects in ${bucket.where}`);
      }
      if (existing.length > 0 && !force)
        throw new UserError(
          `The target is not empty (${existing.join('; ')}). Restoring replaces it: run again with --force.`,
        );

      await runner.startTransaction();
      if (present > 0) {
        // A schema at another version, or (with --force) the previous content: it goes, and comes
        // back if anything below fails.
        await client.query('DROP SCHEMA public CASCADE');
        await client.query('CREATE SCHEMA public');
      }
      await migrate(dataSource, runner, known.slice(0, upTo));
      const tables = await listTables(client);
      checkTables(manifest, tables);
      for (const statement of STABLE_OUTPUT) await client.query(statement);
      if (restoreFiles) staging = stagingFolder(settings.filesDir);
      const files = restoreFiles ? { staging, bucket, uploaded: inBucket.uploaded } : {};
      if (bucket && restoreFiles) console.log(`Uploading the stored files to ${bucket.where}`);
      await copyIn(file, manifest, tables, client, files);
      for (const sequence of manifest.sequences)
        await client.query('SELECT setval($1, $2, $3)', [
          quote(sequence.name),
          sequence.lastValue,
          sequence.isCalled,
        ]);
      await compareWithManifest(file, manifest, tables, client);
      if (bucket && restoreFiles) await compareBucket(bucket, manifest);
      await client.query('RESET ALL');
      const newer = await migrate(dataSource, runner, known);
      await runner.commitTransaction();
      committed = true;
      if (newer.length > 0) console.log(`Applied ${newer.length} migration(s) newer than the backup`);
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
    if (staging) {
      putInPlace(staging, settings.filesDir);
      staging = undefined;
    }
    if (bucket && restoreFiles) {
      // --force: what the bucket held beside the archive's files goes, as with DATA_DIR/files.
      const archived = new Set(manifest.files.entries.map((entry) => entry.path));
      const extra = [...inBucket.before].filter((key) => !archived.has(key));
      await bucket.delete(extra);
      if (extra.length > 0)
        console.log(`Deleted ${extra.length} objects of the bucket that the backup does not hold`);
    }
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    console.log(
      `Restored ${manifest.tables.length} tables (${rows} rows) and ${manifest.files.entries.length} files ` +
        `(into ${storage}) ` +
        `from the backup of ${manifest.createdAt} (schema ${manifest.schemaVersion}); every count and checksum matches.`,
    );
  } catch (error) {
    if (!committed && inBucket.uploaded.length > 0) await undoUploads(bucket, inBucket);
    throw error;
  } finally {
    bucket?.destroy();
    if (staging) rmSync(staging, { recursive: true, force: true });
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
  }
}

/** The API's own connection settings and migrations, from its build. */
function databaseOptions() {
  const file = join(API_DIST, 'core/database/database-options.js');
  if (!existsSync(file))
    throw new UserError(`${file} is missing: build the API first (npx nx run api:build)`);
  return require(file).databaseOptions('postgres://unset', 1);
}

/** How many of this code's migrations the archive's schema has: they must be its first ones. */
function checkSchemaVersion(manifest, known) {
  const archived = manifest.migrations;
  const common = archived.findIndex((name, i) => known[i] !== name);
  if (common !== -1 || archived.length > known.length) {
    const unknown = archived.find((name) => !known.includes(name));
    throw new UserError(
      unknown
        ? `The backup's schema has the migration ${unknown}, which this version of MRE Academy does not know: ` +
            'restore it with the version that made it (or a newer one).'
        : `The backup's migrations (${archived.join(', ')}) are not the first migrations of this version.`,
    );
  }
  return archived.length;
}

/** Runs `names` (in order) that are not applied yet, inside the runner's open transaction. */
async function migrate(dataSource, runner, names) {
  const executor = new MigrationExecutor(dataSource, runner);
  executor.transaction = 'all';
  const all = executor.getMigrations.bind(executor);
  executor.getMigrations = () => all().filter((migration) => names.includes(migration.name));
  return executor.executePendingMigrations();
}

/** A restore under a running API or worker would mix their writes with the backup's rows. */
async function refuseOtherSessions(client) {
  const { rows } = await client.query(
    `SELECT coalesce(nullif(application_name, ''), client_addr::text, 'local') AS who, count(*)::int AS n
       FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
      GROUP BY 1`,
  );
  if (rows.length > 0)
    throw new UserError(
      `Other sessions are connected to the target database (${rows.map((r) => `${r.who}: ${r.n}`).join(', ')}). ` +
        'Stop the API and the workers before restoring.',
    );
}

/** What the target already holds: tables with rows, files in the storage folder. */
async function whatIsThere(client, filesDir) {
  const found = [];
  const { rows } = await client.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`,
  );
  const tables = rows.map((row) => row.name).filter((name) => !BOOKKEEPING_TABLES.has(name));
  for (const name of tables) {
    const result = await client.query(`SELECT EXISTS (SELECT FROM public.${quote(name)}) AS any`);
    if (result.rows[0].any) found.push(name);
  }
  const existing = [];
  if (found.length > 0) existing.push(`rows in ${found.join(', ')}`);
  if (filesDir && existsSync(filesDir) && readdirSync(filesDir).length > 0)
    existing.push(`files in ${filesDir}`);
  return { tables: rows.length, existing };
}

/** The migrated target must have the archive's tables, with the archived columns. */
function checkTables(manifest, tables) {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const position = new Map(tables.map((table, i) => [table.name, i]));
  for (const archived of manifest.tables) {
    const table = byName.get(archived.name);
    if (!table) throw new UserError(`The migrated schema has no table ${archived.name}`);
    const columns = new Set(table.columns.map((column) => column.name));
    const missing = archived.columns.filter((column) => !columns.has(column.name));
    if (missing.length > 0)
      throw new UserError(
        `The table ${archived.name} has no column ${missing.map((c) => c.name).join(', ')}`,
      );
    for (const parent of table.parents) {
      const before = manifest.tables.findIndex((t) => t.name === parent);
      const self = manifest.tables.indexOf(archived);
      if (position.has(parent) && before > self)
        throw new UserError(`The archive holds ${archived.name} before ${parent}, which it refers to`);
    }
  }
}

/**
 * The second reading: rows into the tables, files into `staging` or the bucket, each checked
 * against the manifest again.
 */
async function copyIn(file, manifest, tables, client, { staging, bucket, uploaded }) {
  const archivedTables = new Map(manifest.tables.map((table) => [table.entry, table]));
  const archivedFiles = new Map(manifest.files.entries.map((entry) => [entry.entry, entry]));
  try {
    await readArchive(file, async (header, stream) => {
      if (header.name === MANIFEST) return void (await drain(stream));
      const { stream: digest, result } = digester();
      const table = archivedTables.get(header.name);
      const stored = archivedFiles.get(header.name);
      if (table) {
        const sql = copyInSql({ name: table.name, columns: table.columns });
        await pipeline(stream, digest, client.query(copyFrom(sql)));
      } else if (stored && bucket) {
        safeJoin('/', stored.path);
        uploaded.push(stored.path);
        await bucket.put(stored.path, stored.contentType, stream, digest).catch((error) => {
          throw new UserError(`Uploading ${stored.path} to ${bucket.where} failed: ${error.message}`);
        });
      } else if (stored && staging) {
        const target = safeJoin(staging, stored.path);
        mkdirSync(dirname(target), { recursive: true });
        await pipeline(stream, digest, createWriteStream(target, { flags: 'wx' }));
      } else if (stored) {
        await pipeline(stream, digest, drainer());
      } else throw new Error(`${header.name} is not in the manifest`);
      const listed = table ?? stored;
      if (listed.sha256 !== result.sha256) throw new Error(`${header.name} changed since it was checked`);
    });
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (error.code && /^[0-9A-Z]{5}$/.test(error.code))
      throw new UserError(`PostgreSQL refused the rows: ${error.message}`);
    throw damaged(file, error.message);
  }
}

/** Every restored object read back from the bucket: its size and SHA-256 must be the archive's. */
async function compareBucket(bucket, manifest) {
  for (const entry of manifest.files.entries) {
    const found = await bucket.digest(entry.path);
    if (!found) throw new UserError(`${entry.path} is missing from ${bucket.where} after the upload`);
    if (found.bytes !== entry.bytes || found.sha256 !== entry.sha256)
      throw new UserError(`${entry.path} in ${bucket.where} differs from the backup's (checksum)`);
  }
}

/** A failed restore takes back the objects it added; those it overwrote (with --force) it cannot. */
async function undoUploads(bucket, { before, uploaded }) {
  const added = uploaded.filter((key) => !before.has(key));
  const replaced = uploaded.length - added.length;
  try {
    await bucket.delete(added);
  } catch (error) {
    console.error(`Could not remove the objects uploaded so far (${error.message}): ${added.join(', ')}`);
  }
  if (replaced > 0)
    console.error(
      `${replaced} objects of the bucket had already been replaced by the archive's under the same key ` +
        '(bucket versioning keeps their earlier versions).',
    );
}

/** A file's place under the staging folder; an entry may not climb out of it. */
function safeJoin(root, path) {
  const parts = path.split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..' || part.includes('\\')))
    throw new Error(`unsafe file name ${path}`);
  return join(root, ...parts);
}

/** Counts, and the rows copied out again byte for byte as the backup had them. */
async function compareWithManifest(file, manifest, tables, client) {
  const byName = new Map(tables.map((table) => [table.name, table]));
  for (const archived of manifest.tables) {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${quote(archived.name)}`);
    if (rows[0].n !== archived.rows)
      throw new UserError(
        `${archived.name} has ${rows[0].n} rows after the restore, the backup ${archived.rows}`,
      );
    const target = byName.get(archived.name);
    const columns = archived.columns.map((column) => ({
      ...column,
      collatable: collatable(target, column.name),
    }));
    const table = { ...target, columns };
    const { stream, result } = digester();
    await pipeline(client.query(copyTo(copyOutSql(table))), stream, drainer());
    if (result.sha256 !== archived.sha256)
      throw new UserError(`${archived.name}'s rows after the restore differ from the backup's (checksum)`);
  }
}

const collatable = (table, name) => table.columns.find((column) => column.name === name)?.collatable ?? false;

function stagingFolder(filesDir) {
  const folder = join(dirname(filesDir), `.files-restoring-${process.pid}`);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  return folder;
}

/** The restored files become DATA_DIR/files; what was there (only with --force) goes. */
function putInPlace(staging, filesDir) {
  const previous = `${filesDir}.replaced-${process.pid}`;
  const hadFiles = existsSync(filesDir);
  if (hadFiles) renameSync(filesDir, previous);
  renameSync(staging, filesDir);
  if (hadFiles) rmSync(previous, { recursive: true, force: true });
}

async function drain(stream) {
  for await (const chunk of stream) void chunk;
}

function drainer() {
  return async function* (source) {
    for await (const chunk of source) void chunk;
  };
}

main().catch((error) => {
  // Refusals, and PostgreSQL's or the network's errors (they carry a code), need no stack trace.
  const plain = error instanceof UserError || typeof error?.code === 'string';
  console.error(plain ? error.message : (error.stack ?? error));
  process.exitCode = 1;
});
