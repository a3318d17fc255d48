import { MigrationInterface, QueryRunner } from 'typeorm';

export class Cohorts1795919395092 implements MigrationInterface {
  name = 'Cohorts1795919395092';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_log" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "actor_id" uuid, "action" character varying(60) NOT NULL, "entity_type" character varying(40) NOT NULL, "entity_id" uuid NOT NULL, "reason" text, "data" jsonb NOT NULL DEFAULT \'{}\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_9dee3678d9e3942b6424e5b07b" ON "audit_log"  ("entity_type", "entity_id", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "cohorts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "centre_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "name" character varying(200) NOT NULL, "capacity" integer NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "min_attendance_percent" integer NOT NULL DEFAULT \'80\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fd38f76b135e907b834fda1e752" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_f4228ff8a867fe9bdc7fe5d07e" ON "cohorts"  ("course_id") ');
    await queryRunner.query('CREATE INDEX "IDX_4407d193214ef5f891d341f63e" ON "cohorts"  ("centre_id") ');
    await queryRunner.query(
      'CREATE TABLE "enrollments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "user_id" uuid NOT NULL, "status" character varying(20) NOT NULL, "position" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_enrollments_cohort_user" UNIQUE ("cohort_id", "user_id"), CONSTRAINT "PK_7c0f752f9fb68bf6ed7367ab00f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_ff997f5a39cd24a491b9aca45c" ON "enrollments"  ("user_id") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_03d18be137801033c4850bc601" ON "enrollments"  ("cohort_id", "status", "position") ',
    );
    await queryRunner.query(
      'CREATE TABLE "import_jobs" ("id" uuid NOT NULL, "cohort_id" uuid NOT NULL, "requested_by" uuid NOT NULL, "file" bytea NOT NULL, "state" character varying(20) NOT NULL, "progress" integer NOT NULL DEFAULT \'0\', "processed_rows" integer NOT NULL DEFAULT \'0\', "result" jsonb, "failure_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4d206c602f173f98e4bb85819a3" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_39f0f63eeb8d039507928d7883" ON "import_jobs"  ("cohort_id") ');
    await queryRunner.query(
      'CREATE TABLE "cohort_teachers" ("cohort_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_c2516c5fb6e81c1790a32b8f964" PRIMARY KEY ("cohort_id", "user_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_ec5cf78d957939519c0fffd13c" ON "cohort_teachers"  ("cohort_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_c96c7ce395311f13c3b4e05dff" ON "cohort_teachers"  ("user_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "cohorts" ADD CONSTRAINT "FK_f4228ff8a867fe9bdc7fe5d07ee" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "cohorts" ADD CONSTRAINT "FK_4407d193214ef5f891d341f63e9" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "enrollments" ADD CONSTRAINT "FK_66dbba19e66e25c3814f80b6478" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "enrollments" ADD CONSTRAINT "FK_ff997f5a39cd24a491b9aca45c9" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "import_jobs" ADD CONSTRAINT "FK_39f0f63eeb8d039507928d78838" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "import_jobs" ADD CONSTRAINT "FK_1d62c7711e354aed7a4fb26f05b" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "cohort_teachers" ADD CONSTRAINT "FK_ec5cf78d957939519c0fffd13c8" FOREIGN KEY ("cohort_id") REFERENCES "cohorts"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "cohort_teachers" ADD CONSTRAINT "FK_c96c7ce395311f13c3b4e05dff4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "cohort_teachers" DROP CONSTRAINT "FK_c96c7ce395311f13c3b4e05dff4"');
    await queryRunner.query('ALTER TABLE "cohort_teachers" DROP CONSTRAINT "FK_ec5cf78d957939519c0fffd13c8"');
    await queryRunner.query('ALTER TABLE "import_jobs" DROP CONSTRAINT "FK_1d62c7711e354aed7a4fb26f05b"');
    await queryRunner.query('ALTER TABLE "import_jobs" DROP CONSTRAINT "FK_39f0f63eeb8d039507928d78838"');
    await queryRunner.query('ALTER TABLE "enrollments" DROP CONSTRAINT "FK_ff997f5a39cd24a491b9aca45c9"');
    await queryRunner.query('ALTER TABLE "enrollments" DROP CONSTRAINT "FK_66dbba19e66e25c3814f80b6478"');
    await queryRunner.query('ALTER TABLE "cohorts" DROP CONSTRAINT "FK_4407d193214ef5f891d341f63e9"');
    await queryRunner.query('ALTER TABLE "cohorts" DROP CONSTRAINT "FK_f4228ff8a867fe9bdc7fe5d07ee"');
    await queryRunner.query('DROP INDEX "public"."IDX_c96c7ce395311f13c3b4e05dff"');
    await queryRunner.query('DROP INDEX "public"."IDX_ec5cf78d957939519c0fffd13c"');
    await queryRunner.query('DROP TABLE "cohort_teachers"');
    await queryRunner.query('DROP INDEX "public"."IDX_39f0f63eeb8d039507928d7883"');
    await queryRunner.query('DROP TABLE "import_jobs"');
    await queryRunner.query('DROP INDEX "public"."IDX_03d18be137801033c4850bc601"');
    await queryRunner.query('DROP INDEX "public"."IDX_ff997f5a39cd24a491b9aca45c"');
    await queryRunner.query('DROP TABLE "enrollments"');
    await queryRunner.query('DROP INDEX "public"."IDX_4407d193214ef5f891d341f63e"');
    await queryRunner.query('DROP INDEX "public"."IDX_f4228ff8a867fe9bdc7fe5d07e"');
    await queryRunner.query('DROP TABLE "cohorts"');
    await queryRunner.query('DROP INDEX "public"."IDX_9dee3678d9e3942b6424e5b07b"');
    await queryRunner.query('DROP TABLE "audit_log"');
  }
}
