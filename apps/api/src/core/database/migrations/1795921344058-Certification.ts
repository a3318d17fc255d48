import { MigrationInterface, QueryRunner } from 'typeorm';

export class Certification1795921344058 implements MigrationInterface {
  name = 'Certification1795921344058';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "certificates" ("id" uuid NOT NULL, "code" character varying(40) NOT NULL, "cohort_id" uuid NOT NULL, "user_id" uuid NOT NULL, "holder_name" character varying(200) NOT NULL, "course_title" jsonb NOT NULL, "cohort_name" character varying(200) NOT NULL, "cohort_kind" character varying(20) NOT NULL, "centre_name" character varying(200) NOT NULL, "network_name" character varying(200) NOT NULL, "hours" integer NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(20) NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by" uuid, "revocation_reason" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_e9e6937f74d9a653f0fc3299132" UNIQUE ("code"), CONSTRAINT "UQ_certificates_cohort_user" UNIQUE ("cohort_id", "user_id"), CONSTRAINT "PK_e4c7e31e2144300bea7d89eb165" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_88f90b1b9c635c14271e509cec" ON "certificates"  ("user_id") ');
    await queryRunner.query(
      'CREATE TABLE "certificate_files" ("certificate_id" uuid NOT NULL, "pdf" bytea NOT NULL, CONSTRAINT "PK_3176733cf516f65dfa9cffe7dc3" PRIMARY KEY ("certificate_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "params" jsonb NOT NULL DEFAULT \'{}\', "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_notifications_unread" ON "notifications"  ("user_id") WHERE read_at IS NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_310667f935698fcd8cb319113a" ON "notifications"  ("user_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "reminders_sent" ("session_id" uuid NOT NULL, "user_id" uuid NOT NULL, "kind" character varying(10) NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_03fc9e61b1cc8dac7729b063ca3" PRIMARY KEY ("session_id", "user_id", "kind", "starts_at"))',
    );
    await queryRunner.query(
      'ALTER TABLE "certificates" ADD CONSTRAINT "FK_d7609db7f51e86bfe1163d6984f" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "certificates" ADD CONSTRAINT "FK_88f90b1b9c635c14271e509cec0" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "certificate_files" ADD CONSTRAINT "FK_3176733cf516f65dfa9cffe7dc3" FOREIGN KEY ("certificate_id") REFERENCES "certificates"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "notifications" ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reminders_sent" ADD CONSTRAINT "FK_964233a1bb90149b2b4705277f2" FOREIGN KEY ("session_id") REFERENCES "live_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "reminders_sent" ADD CONSTRAINT "FK_fa6c190173d443a40ef13fa9138" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "reminders_sent" DROP CONSTRAINT "FK_fa6c190173d443a40ef13fa9138"');
    await queryRunner.query('ALTER TABLE "reminders_sent" DROP CONSTRAINT "FK_964233a1bb90149b2b4705277f2"');
    await queryRunner.query('ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"');
    await queryRunner.query(
      'ALTER TABLE "certificate_files" DROP CONSTRAINT "FK_3176733cf516f65dfa9cffe7dc3"',
    );
    await queryRunner.query('ALTER TABLE "certificates" DROP CONSTRAINT "FK_88f90b1b9c635c14271e509cec0"');
    await queryRunner.query('ALTER TABLE "certificates" DROP CONSTRAINT "FK_d7609db7f51e86bfe1163d6984f"');
    await queryRunner.query('DROP TABLE "reminders_sent"');
    await queryRunner.query('DROP INDEX "public"."IDX_310667f935698fcd8cb319113a"');
    await queryRunner.query('DROP INDEX "public"."IDX_notifications_unread"');
    await queryRunner.query('DROP TABLE "notifications"');
    await queryRunner.query('DROP TABLE "certificate_files"');
    await queryRunner.query('DROP INDEX "public"."IDX_88f90b1b9c635c14271e509cec"');
    await queryRunner.query('DROP TABLE "certificates"');
  }
}
