import { DateTime } from 'luxon';
import { MigrationInterface, QueryRunner } from 'typeorm';

interface StoredSession {
  id: string;
  series_id: string | null;
  starts_at: Date;
  time_zone: string;
}

const WEEK_MS = 7 * 24 * 3600_000;
const wallClock = (instant: Date, zone: string) =>
  DateTime.fromJSDate(instant, { zone }).toISO({
    includeOffset: false,
    suppressMilliseconds: true,
  }) as string;

/**
 * Sessions keep their agreed wall-clock start and zone next to their instants. Existing sessions get
 * the zone of the person who scheduled them (the request's zone was not kept). A single session's
 * wall clock is read from its instant. A series' first instant is the one its scheduler typed with
 * an offset; the weeks after it were computed with the runtime's rules of the day, perhaps stale
 * ones (Morocco at UTC+1), so each takes the first's wall clock a whole number of weeks later: the
 * re-anchoring that runs at the next start then moves those the stale rules put an hour off.
 * Written with luxon rather than SQL: PostgreSQL's own copy of the tz rules may be stale too.
 */
export class SessionWallClock1796550692191 implements MigrationInterface {
  name = 'SessionWallClock1796550692191';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "time_zone_rules" ("tz_version" character varying(16) NOT NULL, "anchored_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sessions_moved" integer NOT NULL, CONSTRAINT "PK_63e2a6564f6e8826f58d2f692e0" PRIMARY KEY ("tz_version"))',
    );
    await queryRunner.query('ALTER TABLE "live_sessions" ADD "local_start" character varying(23)');
    await queryRunner.query('ALTER TABLE "live_sessions" ADD "time_zone" character varying(64)');
    await queryRunner.query(
      'UPDATE "live_sessions" s SET "time_zone" = u."time_zone" FROM "users" u WHERE u."id" = s."created_by"',
    );
    await queryRunner.query(
      `UPDATE "live_sessions" SET "time_zone" = 'Africa/Casablanca' WHERE "time_zone" IS NULL`,
    );

    const sessions: StoredSession[] = await queryRunner.query(
      'SELECT "id", "series_id", "starts_at", "time_zone" FROM "live_sessions" ORDER BY "series_id", "starts_at"',
    );
    const firstOfSeries = new Map<string, StoredSession>();
    for (const session of sessions) {
      const first = session.series_id ? (firstOfSeries.get(session.series_id) ?? session) : session;
      if (session.series_id && !firstOfSeries.has(session.series_id))
        firstOfSeries.set(session.series_id, session);
      const weeks = Math.round((session.starts_at.getTime() - first.starts_at.getTime()) / WEEK_MS);
      const localStart = DateTime.fromISO(wallClock(first.starts_at, first.time_zone), { zone: 'UTC' }).plus({
        weeks,
      });
      await queryRunner.query('UPDATE "live_sessions" SET "local_start" = $2 WHERE "id" = $1', [
        session.id,
        localStart.toISO({ includeOffset: false, suppressMilliseconds: true }),
      ]);
    }
    await queryRunner.query('ALTER TABLE "live_sessions" ALTER COLUMN "local_start" SET NOT NULL');
    // Invitations went out with SEQUENCE = seconds between creation and last change: go on from there.
    await queryRunner.query('ALTER TABLE "live_sessions" ADD "ics_sequence" integer NOT NULL DEFAULT 0');
    await queryRunner.query(
      'UPDATE "live_sessions" SET "ics_sequence" = GREATEST(0, floor(extract(epoch FROM "updated_at" - "created_at")))::int',
    );
    await queryRunner.query('ALTER TABLE "live_sessions" ALTER COLUMN "time_zone" SET NOT NULL');

    // Re-anchoring moves a cohort's sessions together and checks the result once, at commit.
    await queryRunner.query('ALTER TABLE "live_sessions" DROP CONSTRAINT "no_overlapping_sessions"');
    await queryRunner.query(
      `ALTER TABLE "live_sessions" ADD CONSTRAINT "no_overlapping_sessions" EXCLUDE USING gist ("cohort_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE ("status" = 'scheduled') DEFERRABLE INITIALLY IMMEDIATE`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "live_sessions" DROP CONSTRAINT "no_overlapping_sessions"');
    await queryRunner.query(
      `ALTER TABLE "live_sessions" ADD CONSTRAINT "no_overlapping_sessions" EXCLUDE USING gist ("cohort_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE ("status" = 'scheduled')`,
    );
    await queryRunner.query('ALTER TABLE "live_sessions" DROP COLUMN "ics_sequence"');
    await queryRunner.query('ALTER TABLE "live_sessions" DROP COLUMN "time_zone"');
    await queryRunner.query('ALTER TABLE "live_sessions" DROP COLUMN "local_start"');
    await queryRunner.query('DROP TABLE "time_zone_rules"');
  }
}
