import { MigrationInterface, QueryRunner } from 'typeorm';

export class MaterialOrderAndCompletions1796600200000 implements MigrationInterface {
  name = 'MaterialOrderAndCompletions1796600200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "material_completions" ("material_id" uuid NOT NULL, "user_id" uuid NOT NULL, "done_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8a1ae02a527ef8f8dbaa0e8b147" PRIMARY KEY ("material_id", "user_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_5a85465594c057d74279d2ec5b" ON "material_completions"  ("user_id") ',
    );
    await queryRunner.query('ALTER TABLE "course_materials" ADD "position" integer NOT NULL DEFAULT \'0\'');
    // Files uploaded before keep the order they were listed in: by upload time within their module.
    await queryRunner.query(
      'UPDATE "course_materials" m SET "position" = o.n FROM (SELECT "id", row_number() OVER (PARTITION BY "module_id" ORDER BY "created_at", "id") AS n FROM "course_materials") o WHERE o."id" = m."id"',
    );
    await queryRunner.query(
      'ALTER TABLE "material_completions" ADD CONSTRAINT "FK_0bd1e7ac3effaa45861640f414c" FOREIGN KEY ("material_id") REFERENCES "course_materials"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "material_completions" ADD CONSTRAINT "FK_5a85465594c057d74279d2ec5bb" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "material_completions" DROP CONSTRAINT "FK_5a85465594c057d74279d2ec5bb"',
    );
    await queryRunner.query(
      'ALTER TABLE "material_completions" DROP CONSTRAINT "FK_0bd1e7ac3effaa45861640f414c"',
    );
    await queryRunner.query('ALTER TABLE "course_materials" DROP COLUMN "position"');
    await queryRunner.query('DROP INDEX "public"."IDX_5a85465594c057d74279d2ec5b"');
    await queryRunner.query('DROP TABLE "material_completions"');
  }
}
