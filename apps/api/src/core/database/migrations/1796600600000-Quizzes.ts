import { MigrationInterface, QueryRunner } from 'typeorm';

export class Quizzes1796600600000 implements MigrationInterface {
  name = 'Quizzes1796600600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "quizzes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "module_id" uuid NOT NULL, "title" jsonb NOT NULL, "purpose" character varying(20) NOT NULL, "questions" jsonb NOT NULL, "pass_percent" integer NOT NULL, "time_limit_minutes" integer, "attempts_allowed" integer NOT NULL, "shuffle_questions" boolean NOT NULL, "shuffle_choices" boolean NOT NULL, "show_feedback" boolean NOT NULL, "version" integer NOT NULL DEFAULT \'1\', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b24f0f7662cf6b3a0e7dba0a1b4" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_e460dcb813c2cc28c93c95f250" ON "quizzes"  ("course_id") ');
    await queryRunner.query('CREATE INDEX "IDX_17a5f6c070a461b6a0f795a5a9" ON "quizzes"  ("module_id") ');
    await queryRunner.query(
      'CREATE TABLE "cohort_quizzes" ("cohort_id" uuid NOT NULL, "quiz_id" uuid NOT NULL, "opens_at" TIMESTAMP WITH TIME ZONE NOT NULL, "closes_at" TIMESTAMP WITH TIME ZONE, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a118cc69e355a07c4f91ae5ff10" PRIMARY KEY ("cohort_id", "quiz_id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "quiz_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "quiz_id" uuid NOT NULL, "cohort_id" uuid NOT NULL, "user_id" uuid NOT NULL, "number" integer NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "deadline_at" TIMESTAMP WITH TIME ZONE, "submitted_at" TIMESTAMP WITH TIME ZONE, "auto_submitted" boolean NOT NULL DEFAULT false, "question_order" jsonb NOT NULL, "answers" jsonb NOT NULL DEFAULT \'{}\', "score" integer, "max_score" integer, "passed" boolean, "results" jsonb, "graded_version" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a84a93fb092359516dc5b325b90" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_cb64b6416abd33800b5c6ed472" ON "quiz_attempts"  ("cohort_id") ',
    );
    await queryRunner.query('CREATE INDEX "IDX_1701aaf48f6a78e96bfe08dd39" ON "quiz_attempts"  ("user_id") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_quiz_attempts_one_in_progress" ON "quiz_attempts"  ("quiz_id", "cohort_id", "user_id") WHERE submitted_at IS NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_434cac9696c8061a635cad652d" ON "quiz_attempts"  ("quiz_id", "cohort_id", "user_id", "number") ',
    );
    await queryRunner.query(
      'ALTER TABLE "quizzes" ADD CONSTRAINT "FK_e460dcb813c2cc28c93c95f2504" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "quizzes" ADD CONSTRAINT "FK_17a5f6c070a461b6a0f795a5a97" FOREIGN KEY ("module_id") REFERENCES "course_modules"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "cohort_quizzes" ADD CONSTRAINT "FK_a24cb6fe21fbeca5552759558f8" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "cohort_quizzes" ADD CONSTRAINT "FK_5e9809958ef3f5efcee2a7019c3" FOREIGN KEY ("quiz_id") REFERENCES "quizzes"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "quiz_attempts" ADD CONSTRAINT "FK_a720e260138b64fcff2fca19b2d" FOREIGN KEY ("quiz_id") REFERENCES "quizzes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "quiz_attempts" ADD CONSTRAINT "FK_cb64b6416abd33800b5c6ed472d" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "quiz_attempts" ADD CONSTRAINT "FK_1701aaf48f6a78e96bfe08dd395" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "quiz_attempts" DROP CONSTRAINT "FK_1701aaf48f6a78e96bfe08dd395"');
    await queryRunner.query('ALTER TABLE "quiz_attempts" DROP CONSTRAINT "FK_cb64b6416abd33800b5c6ed472d"');
    await queryRunner.query('ALTER TABLE "quiz_attempts" DROP CONSTRAINT "FK_a720e260138b64fcff2fca19b2d"');
    await queryRunner.query('ALTER TABLE "cohort_quizzes" DROP CONSTRAINT "FK_5e9809958ef3f5efcee2a7019c3"');
    await queryRunner.query('ALTER TABLE "cohort_quizzes" DROP CONSTRAINT "FK_a24cb6fe21fbeca5552759558f8"');
    await queryRunner.query('ALTER TABLE "quizzes" DROP CONSTRAINT "FK_17a5f6c070a461b6a0f795a5a97"');
    await queryRunner.query('ALTER TABLE "quizzes" DROP CONSTRAINT "FK_e460dcb813c2cc28c93c95f2504"');
    await queryRunner.query('DROP INDEX "public"."IDX_434cac9696c8061a635cad652d"');
    await queryRunner.query('DROP INDEX "public"."IDX_quiz_attempts_one_in_progress"');
    await queryRunner.query('DROP INDEX "public"."IDX_1701aaf48f6a78e96bfe08dd39"');
    await queryRunner.query('DROP INDEX "public"."IDX_cb64b6416abd33800b5c6ed472"');
    await queryRunner.query('DROP TABLE "quiz_attempts"');
    await queryRunner.query('DROP TABLE "cohort_quizzes"');
    await queryRunner.query('DROP INDEX "public"."IDX_17a5f6c070a461b6a0f795a5a9"');
    await queryRunner.query('DROP INDEX "public"."IDX_e460dcb813c2cc28c93c95f250"');
    await queryRunner.query('DROP TABLE "quizzes"');
  }
}
