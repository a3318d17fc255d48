import { MigrationInterface, QueryRunner } from 'typeorm';

export class LiveSessions1795919458140 implements MigrationInterface {
  name = 'LiveSessions1795919458140';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The no-overlap exclusion constraint compares uuids with = inside a GiST index.
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    await queryRunner.query(
      'CREATE TABLE "attendance_marks" ("session_id" uuid NOT NULL, "user_id" uuid NOT NULL, "checked_in_at" TIMESTAMP WITH TIME ZONE, "checked_in_by" uuid, "corrected_status" character varying(20), "correction_reason" character varying(500), "corrected_by" uuid, "corrected_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ec32e2c59cc88cb15995a9a8621" PRIMARY KEY ("session_id", "user_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "attendance_segments" ("session_id" uuid NOT NULL, "participant_sid" character varying(100) NOT NULL, "user_id" uuid NOT NULL, "joined_at" TIMESTAMP WITH TIME ZONE, "left_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_814cf886946aa000fac0172df6a" PRIMARY KEY ("session_id", "participant_sid"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_c39c02f15506e3c2c9d8a820e6" ON "attendance_segments"  ("session_id", "user_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "live_sessions" ("id" uuid NOT NULL, "cohort_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "mode" character varying(20) NOT NULL, "status" character varying(20) NOT NULL, "room_name" character varying(80) NOT NULL, "series_id" uuid, "room_created_at" TIMESTAMP WITH TIME ZONE, "room_finished_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_f63a9c86520fb4450f5e00b71e8" UNIQUE ("room_name"), CONSTRAINT "no_overlapping_sessions" EXCLUDE USING gist ("cohort_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE ("status" = \'scheduled\'), CONSTRAINT "PK_cc3225418b55b1e022dbfb6dca5" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_a79cd2083c078b55dc99cfdf66" ON "live_sessions"  ("cohort_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_2bf92c86efdcddc8ead3127160" ON "live_sessions"  ("starts_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "room_removals" ("session_id" uuid NOT NULL, "user_id" uuid NOT NULL, "removed_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2f4ccc6bb12b9af00670a3314c8" PRIMARY KEY ("session_id", "user_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "recordings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "egress_id" character varying(100) NOT NULL, "status" character varying(20) NOT NULL, "started_by" uuid NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "duration_seconds" integer, "location" character varying(2000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_69ff3e3bd194f016754bf006416" UNIQUE ("egress_id"), CONSTRAINT "PK_8c3247d5ee4551d59bb2115a484" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_7a6fdee533366849b6153626e9" ON "recordings"  ("session_id") ');
    await queryRunner.query(
      'CREATE TABLE "livekit_webhook_events" ("id" character varying(100) NOT NULL, "event" character varying(40) NOT NULL, "room_name" character varying(200), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "payload" jsonb NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "processed_at" TIMESTAMP WITH TIME ZONE, "note" character varying(200), CONSTRAINT "PK_fb17dda2d0710d2c67269abe46c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_233c0399a90d91161e81138c95" ON "livekit_webhook_events"  ("room_name") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_webhook_events_unprocessed" ON "livekit_webhook_events"  ("received_at") WHERE processed_at IS NULL',
    );
    await queryRunner.query(
      'ALTER TABLE "live_sessions" ADD CONSTRAINT "FK_a79cd2083c078b55dc99cfdf66d" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "room_removals" ADD CONSTRAINT "FK_9324afdd651ed7441a15f9b1e80" FOREIGN KEY ("session_id") REFERENCES "live_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "recordings" ADD CONSTRAINT "FK_7a6fdee533366849b6153626e90" FOREIGN KEY ("session_id") REFERENCES "live_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "recordings" DROP CONSTRAINT "FK_7a6fdee533366849b6153626e90"');
    await queryRunner.query('ALTER TABLE "room_removals" DROP CONSTRAINT "FK_9324afdd651ed7441a15f9b1e80"');
    await queryRunner.query('ALTER TABLE "live_sessions" DROP CONSTRAINT "FK_a79cd2083c078b55dc99cfdf66d"');
    await queryRunner.query('DROP INDEX "public"."IDX_webhook_events_unprocessed"');
    await queryRunner.query('DROP INDEX "public"."IDX_233c0399a90d91161e81138c95"');
    await queryRunner.query('DROP TABLE "livekit_webhook_events"');
    await queryRunner.query('DROP INDEX "public"."IDX_7a6fdee533366849b6153626e9"');
    await queryRunner.query('DROP TABLE "recordings"');
    await queryRunner.query('DROP TABLE "room_removals"');
    await queryRunner.query('DROP INDEX "public"."IDX_2bf92c86efdcddc8ead3127160"');
    await queryRunner.query('DROP INDEX "public"."IDX_a79cd2083c078b55dc99cfdf66"');
    await queryRunner.query('DROP TABLE "live_sessions"');
    await queryRunner.query('DROP INDEX "public"."IDX_c39c02f15506e3c2c9d8a820e6"');
    await queryRunner.query('DROP TABLE "attendance_segments"');
    await queryRunner.query('DROP TABLE "attendance_marks"');
  }
}
