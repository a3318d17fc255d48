import { MigrationInterface, QueryRunner } from 'typeorm';

export class CourseMaterialFiles1796572450564 implements MigrationInterface {
  name = 'CourseMaterialFiles1796572450564';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "course_materials" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "module_id" uuid NOT NULL, "title" jsonb NOT NULL, "file_name" character varying(255) NOT NULL, "content_type" character varying(120) NOT NULL, "size_bytes" bigint NOT NULL, "storage_key" character varying(200) NOT NULL, "etag" character varying(200) NOT NULL, "uploaded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_e98dfae959925f760c08b7e4a42" UNIQUE ("storage_key"), CONSTRAINT "PK_b8d788301b7ea04c1cefc4bd2ca" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_0e78595266f6912e0965334bcd" ON "course_materials"  ("course_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_579b607a4126b0666bccf13a12" ON "course_materials"  ("module_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "course_materials" ADD CONSTRAINT "FK_0e78595266f6912e0965334bcda" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "course_materials" ADD CONSTRAINT "FK_579b607a4126b0666bccf13a126" FOREIGN KEY ("module_id") REFERENCES "course_modules"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "course_materials" DROP CONSTRAINT "FK_579b607a4126b0666bccf13a126"',
    );
    await queryRunner.query(
      'ALTER TABLE "course_materials" DROP CONSTRAINT "FK_0e78595266f6912e0965334bcda"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_579b607a4126b0666bccf13a12"');
    await queryRunner.query('DROP INDEX "public"."IDX_0e78595266f6912e0965334bcd"');
    await queryRunner.query('DROP TABLE "course_materials"');
  }
}
