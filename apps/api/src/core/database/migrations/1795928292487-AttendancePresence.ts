import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The worker's refresh statement (modules/attendance/refresh-presence.sql.ts) as it was when the tables
 * were created, over every pair with a segment: copied rather than imported, so that a later change to
 * the live statement cannot change what this migration does on a new database.
 */
const BACKFILL = `WITH pairs AS (
      SELECT DISTINCT session_id, user_id FROM (SELECT session_id, user_id FROM attendance_segments) p
    ), computed AS (
      -- Per pair, through the (session_id, user_id) index: linear in the pairs, whatever the planner
      -- guesses of their number (as a join, a misjudged count of 1 made it quadratic).
      SELECT p.session_id, p.user_id,
             coalesce((SELECT sum(extract(epoch FROM upper(r) - lower(r)))
                         FROM unnest((SELECT range_agg(tstzrange(g.from_at, g.to_at))
                                        FROM (SELECT greatest(seg.joined_at, s.starts_at) AS from_at,
                                                     least(coalesce(seg.left_at, CASE WHEN s.room_finished_at > seg.joined_at THEN s.room_finished_at END, s.ends_at), s.ends_at) AS to_at
                                                FROM attendance_segments seg
                                               WHERE seg.session_id = p.session_id AND seg.user_id = p.user_id AND seg.joined_at IS NOT NULL) g
                                       WHERE g.to_at > g.from_at)) r), 0)::float8 AS present_seconds,
             EXISTS (SELECT 1 FROM enrollments e WHERE e.cohort_id = s.cohort_id AND e.user_id = p.user_id AND e.status IN ('active', 'completed')) AS counted
        FROM pairs p
        JOIN live_sessions s ON s.id = p.session_id
    ), stored AS (
      INSERT INTO attendance_presence (session_id, user_id, present_seconds, counted)
      SELECT session_id, user_id, present_seconds, counted FROM computed
      ON CONFLICT (session_id, user_id) DO UPDATE SET present_seconds = EXCLUDED.present_seconds, counted = EXCLUDED.counted
    )
    -- The statement sees the table as it was before \`stored\`: the session's other rows from there,
    -- the refreshed ones from \`computed\`.
    INSERT INTO attendance_session_presence (session_id, counted_seconds)
    SELECT session_id, coalesce(sum(present_seconds) FILTER (WHERE counted), 0)
      FROM (SELECT o.session_id, o.present_seconds, o.counted
              FROM attendance_presence o
             WHERE o.session_id IN (SELECT session_id FROM pairs)
               AND NOT EXISTS (SELECT 1 FROM pairs q WHERE q.session_id = o.session_id AND q.user_id = o.user_id)
            UNION ALL
            SELECT session_id, present_seconds, counted FROM computed) rows
     GROUP BY session_id
    ON CONFLICT (session_id) DO UPDATE SET counted_seconds = EXCLUDED.counted_seconds`;

export class AttendancePresence1795928292487 implements MigrationInterface {
  name = 'AttendancePresence1795928292487';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "attendance_presence" ("session_id" uuid NOT NULL, "user_id" uuid NOT NULL, "present_seconds" double precision NOT NULL, "counted" boolean NOT NULL, CONSTRAINT "PK_dde2c7ef68748dc797e6c6169a4" PRIMARY KEY ("session_id", "user_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_attendance_presence_uncounted" ON "attendance_presence"  ("session_id") WHERE NOT counted',
    );
    await queryRunner.query(
      'CREATE TABLE "attendance_session_presence" ("session_id" uuid NOT NULL, "counted_seconds" double precision NOT NULL, CONSTRAINT "PK_8a2706b1c919789ddba821c04d6" PRIMARY KEY ("session_id"))',
    );
    // The presence of the segments recorded before these tables existed.
    await queryRunner.query(BACKFILL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "attendance_session_presence"');
    await queryRunner.query('DROP INDEX "public"."IDX_attendance_presence_uncounted"');
    await queryRunner.query('DROP TABLE "attendance_presence"');
  }
}
