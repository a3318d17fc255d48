import { MigrationInterface, QueryRunner } from 'typeorm';

export class Recordings1796600300000 implements MigrationInterface {
  name = 'Recordings1796600300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "recording_views" ("recording_id" uuid NOT NULL, "user_id" uuid NOT NULL, "output" character varying(10) NOT NULL, "first_viewed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_viewed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "views" integer NOT NULL DEFAULT \'1\', CONSTRAINT "PK_8fd8846ca7a5d8d0a82ca8ddc66" PRIMARY KEY ("recording_id", "user_id", "output"))',
    );
    await queryRunner.query('ALTER TABLE "recordings" DROP COLUMN "location"');
    await queryRunner.query('ALTER TABLE "cohorts" ADD "recording_retention_days" integer');
    await queryRunner.query('ALTER TABLE "recordings" ADD "audio_egress_id" character varying(100)');
    await queryRunner.query(
      'ALTER TABLE "recordings" ADD CONSTRAINT "UQ_8fda5bf4b926abaa24b017ee0a5" UNIQUE ("audio_egress_id")',
    );
    await queryRunner.query('ALTER TABLE "recordings" ADD "video_key" character varying(300)');
    await queryRunner.query('ALTER TABLE "recordings" ADD "video_size_bytes" bigint');
    await queryRunner.query('ALTER TABLE "recordings" ADD "audio_key" character varying(300)');
    await queryRunner.query('ALTER TABLE "recordings" ADD "audio_size_bytes" bigint');
    await queryRunner.query('ALTER TABLE "recordings" ADD "failure_reason" character varying(500)');
    await queryRunner.query('ALTER TABLE "recordings" ADD "expired_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query(
      'ALTER TABLE "recording_views" ADD CONSTRAINT "FK_696fb6ff371ed29385dddf3739c" FOREIGN KEY ("recording_id") REFERENCES "recordings"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "recording_views" ADD CONSTRAINT "FK_f63a664f4537c4222ee39be716b" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "recording_views" DROP CONSTRAINT "FK_f63a664f4537c4222ee39be716b"');
    await queryRunner.query('ALTER TABLE "recording_views" DROP CONSTRAINT "FK_696fb6ff371ed29385dddf3739c"');
    await queryRunner.query('ALTER TABLE "recordings" DROP COLUMN "expired_at"');
    await queryRunner.query('ALTER TABLE "recordings" DROP COLUMN "failure_reason"');
    await queryRunner.query('ALTER TABLE "recordings" DROP COLUMN "audio_size_bytes"');
    await queryRunner.query('ALTER TABLE "recordings" DROP COLUMN "audio_key"');
    await queryRunner.query('ALTER TABLE "recordings" DROP COLUMN "video_size_bytes"');
    await queryRunner.query('ALTER TABLE "recordings" DROP COLUMN "video_key"');
    await queryRunner.query('ALTER TABLE "recordings" DROP CONSTRAINT "UQ_8fda5bf4b926abaa24b017ee0a5"');
    await queryRunner.query('ALTER TABLE "recordings" DROP COLUMN "audio_egress_id"');
    await queryRunner.query('ALTER TABLE "cohorts" DROP COLUMN "recording_retention_days"');
    await queryRunner.query('ALTER TABLE "recordings" ADD "location" character varying(2000)');
    await queryRunner.query('DROP TABLE "recording_views"');
  }
}
