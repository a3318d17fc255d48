// Seeds the benchmark database with plain SQL (generate_series), which is seconds for what the API
// would take minutes to create one request at a time. The rows are the ones the API itself writes:
// the schema comes from the API's migrations, run when the API process starts.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DIST } from './harness.mjs';

const require = createRequire(import.meta.url);

export const SECTORS = ['aeronautics', 'automotive', 'health', 'digital', 'ai', 'distance-learning'];
const MINUTE = 60_000;

/** Networks (one per sector) and centres, answering their ids. */
export async function seedOrganizations(db, { networks = 5, centres = 4 } = {}) {
  const n = await db.query(
    `INSERT INTO networks (name, country, sector_codes)
     SELECT 'Bench network ' || g, (ARRAY['Canada','Germany','Switzerland','USA','France'])[1 + g % 5], ARRAY[$1::text[]]
     FROM generate_series(1, $2) g RETURNING id`,
    [SECTORS, networks],
  );
  const c = await db.query(
    `INSERT INTO centres (name, city) SELECT 'Bench centre ' || g, (ARRAY['Kénitra','Salé','Rabat','Casablanca'])[1 + g % 4] FROM generate_series(1, $1) g RETURNING id`,
    [centres],
  );
  return { networkIds: n.rows.map((r) => r.id), centreIds: c.rows.map((r) => r.id) };
}

/** `count` active users of a role, answering `{id, role, centreId, networkId}` in creation order. */
export async function seedUsers(db, count, { role = 'trainee', prefix = role } = {}) {
  const { rows } = await db.query(
    `INSERT INTO users (email, full_name, role, status, locale, time_zone)
     SELECT $2 || '.' || g || '@bench.test', 'Bench ' || initcap($2) || ' ' || g, $3, 'active', (ARRAY['ar','fr','en'])[1 + g % 3], 'Africa/Casablanca'
     FROM generate_series(1, $1) g ORDER BY g RETURNING id`,
    [count, prefix, role],
  );
  return rows.map((r) => ({ id: r.id, role, centreId: null, networkId: null }));
}

/** Courses with titles in three languages; one in `searchableEvery` has a word the reads search for. */
export async function seedCourses(db, count, networkIds, { searchableEvery = 49 } = {}) {
  const { rows } = await db.query(
    `INSERT INTO courses (code, title, summary, sector_code, network_id, format, duration_hours, status)
     SELECT 'C-' || lpad(g::text, 6, '0'),
            jsonb_build_object(
              'fr', CASE WHEN g % $4 = 0 THEN 'Maintenance hydraulique ' ELSE 'Module de formation ' END || g,
              'en', CASE WHEN g % $4 = 0 THEN 'Hydraulic maintenance ' ELSE 'Training module ' END || g,
              'ar', 'وحدة تكوينية ' || g),
            jsonb_build_object('fr', repeat('Résumé du cours. ', 8), 'en', repeat('Course summary. ', 8)),
            ($2::text[])[1 + g % 6], ($3::uuid[])[1 + g % cardinality($3::uuid[])],
            (ARRAY['remote','hybrid','in_person'])[1 + g % 3], 10 + g % 50,
            CASE WHEN g % 10 = 0 THEN 'draft' ELSE 'published' END
     FROM generate_series(1, $1) g ORDER BY g RETURNING id`,
    [count, SECTORS, networkIds, searchableEvery],
  );
  return rows.map((r) => r.id);
}

/** Cohorts spread over the given courses and centres. */
export async function seedCohorts(db, count, courseIds, centreIds, { capacity = 60, kindEvery = 5 } = {}) {
  const { rows } = await db.query(
    `INSERT INTO cohorts (course_id, centre_id, kind, name, capacity, starts_on, ends_on)
     SELECT ($2::uuid[])[1 + g % cardinality($2::uuid[])], ($3::uuid[])[1 + g % cardinality($3::uuid[])],
            CASE WHEN g % $5 = 0 THEN 'trainers' ELSE 'trainees' END, 'Bench cohort ' || g, $4, DATE '2026-01-05', DATE '2027-06-26'
     FROM generate_series(1, $1) g ORDER BY g RETURNING id`,
    [count, courseIds, centreIds, capacity, kindEvery],
  );
  return rows.map((r) => r.id);
}

/** Active enrollments of every user in `userIds` into `cohortId`. */
export async function enroll(db, cohortId, userIds) {
  await db.query(
    `INSERT INTO enrollments (cohort_id, user_id, status) SELECT $1, u, 'active' FROM unnest($2::uuid[]) u`,
    [cohortId, userIds],
  );
}

export async function addTeacher(db, cohortId, userId) {
  await db.query(`INSERT INTO cohort_teachers (cohort_id, user_id) VALUES ($1, $2)`, [cohortId, userId]);
}

/** One scheduled session of the cohort, answering `{id, roomName, startsAt, endsAt}`. */
export async function seedSession(
  db,
  cohortId,
  createdBy,
  { startsAt, minutes = 60, title = 'Bench session' },
) {
  const id = randomUUID();
  const endsAt = new Date(startsAt.getTime() + minutes * MINUTE);
  await db.query(
    `INSERT INTO live_sessions (id, cohort_id, title, starts_at, ends_at, local_start, time_zone, mode, status, room_name, created_by)
     VALUES ($1, $2, $3, $4, $5, $8, 'UTC', 'remote', 'scheduled', $6, $7)`,
    [id, cohortId, title, startsAt, endsAt, `mre-${id}`, createdBy, startsAt.toISOString().slice(0, 23)],
  );
  return { id, roomName: `mre-${id}`, startsAt, endsAt };
}

export async function adminId(db) {
  const { rows } = await db.query(`SELECT id FROM users WHERE role = 'admin' ORDER BY created_at LIMIT 1`);
  return rows[0].id;
}

/**
 * The programme at scale, for the reads and the dashboard: `courses` courses, `cohorts` cohorts and
 * `trainees` trainees each enrolled in `enrollmentsPerTrainee` cohorts (so enrollments = trainees ×
 * that), with `pastSessions` held and `upcomingSessions` scheduled sessions per cohort, one a week.
 */
export async function seedProgramme(
  db,
  { courses, cohorts, trainees, enrollmentsPerTrainee, pastSessions, upcomingSessions },
) {
  const { networkIds, centreIds } = await seedOrganizations(db);
  const courseIds = await seedCourses(db, courses, networkIds);
  const cohortIds = await seedCohorts(db, cohorts, courseIds, centreIds);
  await seedUsers(db, trainees, { role: 'trainee' });
  const experts = await seedUsers(db, Math.ceil(cohorts / 10), { role: 'expert' });
  const createdBy = await adminId(db);
  // Trainee number t (1-based) joins the cohorts t, t + stride, t + 2 × stride… (mod cohorts), so
  // every cohort gets about the same number of people and nobody is enrolled twice in one cohort.
  await db.query(
    `WITH t AS (SELECT id, row_number() OVER (ORDER BY email) AS n FROM users WHERE role = 'trainee'),
          c AS (SELECT id, row_number() OVER (ORDER BY name) - 1 AS n FROM cohorts)
     INSERT INTO enrollments (cohort_id, user_id, status, created_at)
     SELECT c.id, t.id, CASE WHEN k % 7 = 6 THEN 'completed' ELSE 'active' END, now() - (k || ' days')::interval
     FROM t CROSS JOIN generate_series(0, $1 - 1) k
     JOIN c ON c.n = (t.n + k * ($2 / $1)) % $2`,
    [enrollmentsPerTrainee, cohorts],
  );
  await db.query(
    `INSERT INTO cohort_teachers (cohort_id, user_id)
     SELECT c.id, ($1::uuid[])[1 + (row_number() OVER (ORDER BY c.name))::int % cardinality($1::uuid[])] FROM cohorts c`,
    [experts.map((e) => e.id)],
  );
  // Weekly sessions, 90 minutes, past ones spread over the last weeks and upcoming ones ahead.
  await db.query(
    `INSERT INTO live_sessions (id, cohort_id, title, starts_at, ends_at, local_start, time_zone, mode, status, room_name, created_by, room_created_at, room_finished_at)
     SELECT s.id, c.id, 'Séance ' || w, s.starts_at, s.starts_at + interval '90 minutes',
            to_char(s.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS'), 'UTC', 'remote', 'scheduled', 'mre-' || s.id, $3,
            CASE WHEN w < 0 THEN s.starts_at END, CASE WHEN w < 0 THEN s.starts_at + interval '90 minutes' END
     FROM cohorts c CROSS JOIN generate_series(-$1::int, $2::int - 1) w
     CROSS JOIN LATERAL (SELECT gen_random_uuid() AS id,
                                date_trunc('hour', now()) + (w || ' weeks')::interval + interval '2 days'
                                  + ((abs(hashtext(c.id::text)) % 48) || ' hours')::interval AS starts_at) s`,
    [pastSessions, upcomingSessions, createdBy],
  );
  // As a live database is: vacuumed (hint bits and visibility map set), so that neither the first
  // reads nor an autovacuum woken by the fresh rows run during the measurement.
  await db.query('VACUUM ANALYZE');
  return { networkIds, centreIds, courseIds, cohortIds, experts };
}

/**
 * Fills attendance_presence from the seeded segments with the statement the worker runs after each
 * batch of webhooks (from the build under test), as if the worker had recorded them. Builds keep it
 * in attendance.queries.js (refresh-presence.sql.js before); one from before the table existed
 * (BENCH_DIST) has nothing to fill.
 */
export async function refreshPresence(db) {
  const queries = join(DIST, 'modules/attendance/attendance.queries.js');
  const older = join(DIST, 'modules/attendance/refresh-presence.sql.js');
  if (existsSync(queries)) {
    const { allPairs, refreshPresence: statement } = require(queries);
    await db.query(...statement(allPairs()));
  } else if (existsSync(older)) {
    const { ALL_PAIRS, refreshPresenceSql } = require(older);
    await db.query(refreshPresenceSql(ALL_PAIRS));
  }
}
