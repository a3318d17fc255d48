import { MigrationInterface, QueryRunner } from 'typeorm';

export class CohortBoard1796700100000 implements MigrationInterface {
  name = 'CohortBoard1796700100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "cohort_announcements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "author_id" uuid, "title" character varying(200) NOT NULL, "body" text NOT NULL, "material_ids" uuid array NOT NULL DEFAULT \'{}\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "edited_at" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5bc50eaf3352f65db579171f9ff" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_da68f709443ff547e0e8ca945e" ON "cohort_announcements"  ("cohort_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "cohort_questions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "author_id" uuid, "body" character varying(5000) NOT NULL, "accepted_answer_id" uuid, "pinned_at" TIMESTAMP WITH TIME ZONE, "hidden_at" TIMESTAMP WITH TIME ZONE, "hidden_reason" character varying(500), "attachment_key" character varying(200), "attachment_name" character varying(255), "attachment_type" character varying(120), "attachment_size" bigint, "attachment_etag" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_301073105fbf7404077ef73d934" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_66530a5bc9b082aaf0bfc0082a" ON "cohort_questions"  ("cohort_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "question_answers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "question_id" uuid NOT NULL, "author_id" uuid, "body" character varying(5000) NOT NULL, "hidden_at" TIMESTAMP WITH TIME ZONE, "hidden_reason" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5257525a7773e5159714a3eb13c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_941b909bd831f96c46d389ccde" ON "question_answers"  ("question_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "cohort_announcements" ADD CONSTRAINT "FK_229d2e4ccbfca372f36ca960193" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "cohort_announcements" ADD CONSTRAINT "FK_e3cc8260f4e5b953f10026e0cc7" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "cohort_questions" ADD CONSTRAINT "FK_7dbdad6c764a5b08bee9fd500bd" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "cohort_questions" ADD CONSTRAINT "FK_637dcdbe5ff5123db1c6277a7e1" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "question_answers" ADD CONSTRAINT "FK_941b909bd831f96c46d389ccde4" FOREIGN KEY ("question_id") REFERENCES "cohort_questions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "question_answers" ADD CONSTRAINT "FK_8342a8147095a03b13f3c6d8aff" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "question_answers" DROP CONSTRAINT "FK_8342a8147095a03b13f3c6d8aff"',
    );
    await queryRunner.query(
      'ALTER TABLE "question_answers" DROP CONSTRAINT "FK_941b909bd831f96c46d389ccde4"',
    );
    await queryRunner.query(
      'ALTER TABLE "cohort_questions" DROP CONSTRAINT "FK_637dcdbe5ff5123db1c6277a7e1"',
    );
    await queryRunner.query(
      'ALTER TABLE "cohort_questions" DROP CONSTRAINT "FK_7dbdad6c764a5b08bee9fd500bd"',
    );
    await queryRunner.query(
      'ALTER TABLE "cohort_announcements" DROP CONSTRAINT "FK_e3cc8260f4e5b953f10026e0cc7"',
    );
    await queryRunner.query(
      'ALTER TABLE "cohort_announcements" DROP CONSTRAINT "FK_229d2e4ccbfca372f36ca960193"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_941b909bd831f96c46d389ccde"');
    await queryRunner.query('DROP TABLE "question_answers"');
    await queryRunner.query('DROP INDEX "public"."IDX_66530a5bc9b082aaf0bfc0082a"');
    await queryRunner.query('DROP TABLE "cohort_questions"');
    await queryRunner.query('DROP INDEX "public"."IDX_da68f709443ff547e0e8ca945e"');
    await queryRunner.query('DROP TABLE "cohort_announcements"');
  }
}
