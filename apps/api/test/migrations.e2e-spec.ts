import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { databaseOptions } from '@/core/database/database-options';

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
    const tables = await sut.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(tables.map((t: { table_name: string }) => t.table_name)).toEqual(
      expect.arrayContaining([
        'users',
        'refresh_tokens',
        'invitations',
        'networks',
        'centres',
        'sectors',
        'courses',
        'course_modules',
        'course_experts',
        'cohorts',
        'cohort_teachers',
        'enrollments',
        'import_jobs',
        'audit_log',
        'live_sessions',
        'room_removals',
        'recordings',
        'livekit_webhook_events',
        'attendance_segments',
        'attendance_marks',
        'notifications',
        'reminders_sent',
        'certificates',
        'certificate_files',
      ]),
    );
    const pending = await sut.driver.createSchemaBuilder().log();
    // A failure here lists the SQL of the migration that `npm run migration:generate -- --name=...` would write.
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  /*
   * The sessions of an install from before wall clocks were kept, as a runtime with stale rules
   * (tz data 2025c: Morocco at UTC+1 outside Ramadan) stored them: a Casablanca series whose first
   * week was typed as 10:00+00:00 and whose next weeks were computed at 09:00Z. Under the rules in
   * force (tzdb 2026c and later) Casablanca is UTC+0 all year, Toronto UTC-5 in February.
   */
  it('give stored sessions their wall-clock start and zone: a series keeps its first week’s local time', async () => {
    // Back to the schema before SessionWallClock (it and the migrations after it undone).
    const at = sut.migrations.findIndex((migration) => migration.name?.startsWith('SessionWallClock'));
    expect(at).toBeGreaterThan(0);
    for (let i = at; i < sut.migrations.length; i++) await sut.undoLastMigration();
    const [casablanca] = await sut.query(
      `INSERT INTO users (email, full_name, role, status, locale, time_zone) VALUES ('a@x.test', 'A', 'admin', 'active', 'fr', 'Africa/Casablanca') RETURNING id`,
    );
    const [toronto] = await sut.query(
      `INSERT INTO users (email, full_name, role, status, locale, time_zone) VALUES ('t@x.test', 'T', 'expert', 'active', 'fr', 'America/Toronto') RETURNING id`,
    );
    const [network] = await sut.query(
      `INSERT INTO networks (name, country) VALUES ('N', 'Canada') RETURNING id`,
    );
    const [centre] = await sut.query(`INSERT INTO centres (name, city) VALUES ('C', 'Kénitra') RETURNING id`);
    await sut.query(
      `INSERT INTO sectors (code, name) VALUES ('aeronautics', '{"fr":"Aéronautique"}') ON CONFLICT DO NOTHING`,
    );
    const [course] = await sut.query(
      `INSERT INTO courses (code, title, sector_code, network_id, format, duration_hours, status) VALUES ('C1', '{"fr":"C"}', 'aeronautics', $1, 'remote', 10, 'published') RETURNING id`,
      [network.id],
    );
    const [cohort] = await sut.query(
      `INSERT INTO cohorts (course_id, centre_id, kind, name, capacity, starts_on, ends_on) VALUES ($1, $2, 'trainees', 'K', 10, '2027-01-01', '2027-12-31') RETURNING id`,
      [course.id, centre.id],
    );
    const session = (id: string, startsAt: string, createdBy: string, seriesId: string | null) =>
      sut.query(
        `INSERT INTO live_sessions (id, cohort_id, title, starts_at, ends_at, mode, status, room_name, series_id, created_by, created_at, updated_at)
         VALUES ($1, $2, 'S', $3, $3::timestamptz + interval '1 hour', 'remote', 'scheduled', $6, $4, $5, '2026-11-01T10:00:00Z', '2026-11-01T10:05:00Z')`,
        [id, cohort.id, startsAt, seriesId, createdBy, `mre-${id}`],
      );
    const seriesId = '00000000-0000-4000-8000-000000000000';
    await session('00000000-0000-4000-8000-000000000001', '2027-01-12T10:00:00Z', casablanca.id, seriesId);
    await session('00000000-0000-4000-8000-000000000002', '2027-01-19T09:00:00Z', casablanca.id, seriesId);
    await session('00000000-0000-4000-8000-000000000003', '2027-01-26T09:00:00Z', casablanca.id, seriesId);
    await session('00000000-0000-4000-8000-000000000004', '2027-02-02T23:00:00Z', toronto.id, null);

    await sut.runMigrations();
    const rows = await sut.query(
      `SELECT starts_at, local_start, time_zone, ics_sequence FROM live_sessions ORDER BY id`,
    );
    expect(
      rows.map((r: { starts_at: Date; local_start: string; time_zone: string; ics_sequence: number }) => [
        r.starts_at.toISOString(),
        r.local_start,
        r.time_zone,
        r.ics_sequence,
      ]),
    ).toEqual([
      // The instants stay for now: the re-anchoring at the next start moves the two an hour off.
      ['2027-01-12T10:00:00.000Z', '2027-01-12T10:00:00', 'Africa/Casablanca', 300],
      ['2027-01-19T09:00:00.000Z', '2027-01-19T10:00:00', 'Africa/Casablanca', 300],
      ['2027-01-26T09:00:00.000Z', '2027-01-26T10:00:00', 'Africa/Casablanca', 300],
      ['2027-02-02T23:00:00.000Z', '2027-02-02T18:00:00', 'America/Toronto', 300],
    ]);
    await sut.query('DELETE FROM live_sessions');
  });

  it('leave no role in stored import reports: refused rows become not-enrollable, the others stay', async () => {
    const at = sut.migrations.findIndex((migration) => migration.name?.startsWith('ImportRowsWithoutRole'));
    expect(at).toBeGreaterThan(0);
    for (let i = at; i < sut.migrations.length; i++) await sut.undoLastMigration();
    const [coordinator] = await sut.query(
      `INSERT INTO users (email, full_name, role, status, locale, time_zone) VALUES ('c@import.test', 'C', 'coordinator', 'active', 'fr', 'Africa/Casablanca') RETURNING id`,
    );
    const [cohort] = await sut.query(`SELECT id FROM cohorts LIMIT 1`);
    const repeated = {
      row: 2,
      code: 'email-repeated',
      params: { email: 'a@x.ma', firstRow: '1' },
      message: 'a@x.ma is already on row 1',
    };
    const result = {
      created: 0,
      enrolled: 1,
      waitlisted: 0,
      skipped: 0,
      errors: [
        repeated,
        {
          row: 3,
          code: 'not-a-trainee',
          params: { email: 'expert@mre.ca', role: 'expert' },
          message: 'expert@mre.ca is a expert, not a trainee',
        },
        { row: 4, message: 'stored before rows had codes' },
      ],
    };
    await sut.query(
      `INSERT INTO import_jobs (id, cohort_id, requested_by, file, state, progress, result) VALUES ('00000000-0000-4000-8000-0000000000aa', $1, $2, ''::bytea, 'completed', 100, $3)`,
      [cohort.id, coordinator.id, JSON.stringify(result)],
    );

    await sut.runMigrations();
    const [stored] = await sut.query(`SELECT result FROM import_jobs`);
    expect(stored.result).toEqual({
      ...result,
      errors: [
        repeated,
        {
          row: 3,
          code: 'not-enrollable',
          params: { email: 'expert@mre.ca' },
          message: 'expert@mre.ca cannot be enrolled in this cohort',
        },
        { row: 4, message: 'stored before rows had codes' },
      ],
    });
    await sut.query('DELETE FROM import_jobs');
  });

  it('give networks and centres names by language and networks a country code', async () => {
    const at = sut.migrations.findIndex((migration) => migration.name?.startsWith('LocalizedNames'));
    expect(at).toBeGreaterThan(0);
    for (let i = at; i < sut.migrations.length; i++) await sut.undoLastMigration();
    const network = (name: string, country: string) =>
      sut.query(`INSERT INTO networks (name, country) VALUES ($1, $2) RETURNING id`, [name, country]);
    await network('Réseau suisse', 'Suisse');
    await network('Réseau US', 'USA');
    await network('شبكة ألمانيا', 'ألمانيا');
    await network('Medical', 'International');
    await network('Canada network', 'canada ');
    await sut.query(`INSERT INTO centres (name, city) VALUES ('مركز سلا', 'Salé')`);

    await sut.runMigrations();
    const networks = await sut.query(
      `SELECT name, names, country, country_code FROM networks WHERE name <> 'N' ORDER BY country_code NULLS FIRST`,
    );
    expect(networks).toEqual([
      { name: 'Medical', names: { fr: 'Medical' }, country: 'International', country_code: null },
      { name: 'Canada network', names: { fr: 'Canada network' }, country: 'canada ', country_code: 'CA' },
      { name: 'Réseau suisse', names: { fr: 'Réseau suisse' }, country: 'Suisse', country_code: 'CH' },
      { name: 'شبكة ألمانيا', names: { ar: 'شبكة ألمانيا' }, country: 'ألمانيا', country_code: 'DE' },
      { name: 'Réseau US', names: { fr: 'Réseau US' }, country: 'USA', country_code: 'US' },
    ]);
    const [centre] = await sut.query(`SELECT names FROM centres WHERE city = 'Salé'`);
    expect(centre.names).toEqual({ ar: 'مركز سلا' });
  });

  it('revert cleanly, last to first', async () => {
    for (let i = 0; i < sut.migrations.length; i++) await sut.undoLastMigration();
    // TypeORM's own tables stay: it makes typeorm_metadata (generated columns) before every run or revert.
    const tables = await sut.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT IN ('migrations', 'typeorm_metadata')`,
    );
    expect(tables).toEqual([]);
  });
});
