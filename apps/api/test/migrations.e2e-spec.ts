import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { databaseOptions } from '../src/core/database/database-options';

/** The committed migrations build the whole schema on an empty database, and match the entities. */
describe('Migrations (e2e)', () => {
  const serverUrl = process.env.MRE_TEST_SERVER_URL as string;
  const database = `mre_migrations_${randomBytes(4).toString('hex')}`;
  let sut: DataSource;

  const admin = async (sql: string) => {
    const server = await new DataSource({ type: 'postgres', url: serverUrl }).initialize();
    await server.query(sql);
    await server.destroy();
  };

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${database}`);
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    sut = new DataSource(databaseOptions(url.toString()));
    await sut.initialize();
  });

  afterAll(async () => {
    await sut.destroy();
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  it('apply to an empty database and leave nothing for a new migration to do', async () => {
    const applied = await sut.runMigrations();
    expect(applied.length).toBeGreaterThan(0);
    const tables = await sut.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(tables.map((t: { table_name: string }) => t.table_name)).toEqual(
      expect.arrayContaining(['users', 'refresh_tokens', 'invitations', 'networks', 'centres', 'sectors', 'courses', 'course_modules', 'course_experts', 'cohorts', 'cohort_teachers', 'enrollments', 'import_jobs', 'audit_log', 'live_sessions', 'room_removals', 'recordings', 'livekit_webhook_events', 'attendance_segments', 'attendance_marks', 'notifications', 'reminders_sent', 'certificates', 'certificate_files']),
    );
    const pending = await sut.driver.createSchemaBuilder().log();
    // A failure here lists the SQL of the migration that `npm run migration:generate -- --name=...` would write.
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('revert cleanly, last to first', async () => {
    for (let i = 0; i < sut.migrations.length; i++) await sut.undoLastMigration();
    // TypeORM's own tables stay: it makes typeorm_metadata (generated columns) before every run or revert.
    const tables = await sut.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT IN ('migrations', 'typeorm_metadata')`);
    expect(tables).toEqual([]);
  });
});
