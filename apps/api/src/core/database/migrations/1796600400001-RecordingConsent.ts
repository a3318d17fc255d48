import { MigrationInterface, QueryRunner } from 'typeorm';

/** Whether a cohort's sessions may be recorded, and each enrolled person's answer to that notice. */
export class RecordingConsent1796600400001 implements MigrationInterface {
  name = 'RecordingConsent1796600400001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "recording_consents" ("cohort_id" uuid NOT NULL, "user_id" uuid NOT NULL, "choice" character varying(20) NOT NULL, "text_version" character varying(20) NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_30200a1578d71d78145be91a706" PRIMARY KEY ("cohort_id", "user_id"))',
    );
    await queryRunner.query('ALTER TABLE "cohorts" ADD "recording_allowed" boolean NOT NULL DEFAULT true');
    await queryRunner.query(
      'ALTER TABLE "recording_consents" ADD CONSTRAINT "FK_7abf2a12f66a56f40a475af1a36" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "recording_consents" ADD CONSTRAINT "FK_0ca791efed24a4c6834f8beb80a" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "recording_consents" DROP CONSTRAINT "FK_0ca791efed24a4c6834f8beb80a"',
    );
    await queryRunner.query(
      'ALTER TABLE "recording_consents" DROP CONSTRAINT "FK_7abf2a12f66a56f40a475af1a36"',
    );
    await queryRunner.query('ALTER TABLE "cohorts" DROP COLUMN "recording_allowed"');
    await queryRunner.query('DROP TABLE "recording_consents"');
  }
}
