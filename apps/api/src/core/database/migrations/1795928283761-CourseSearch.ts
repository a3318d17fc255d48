import { MigrationInterface, QueryRunner } from 'typeorm';

export class CourseSearch1795928283761 implements MigrationInterface {
  name = 'CourseSearch1795928283761';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Written by hand: TypeORM cannot declare an extension, nor an index with an operator class
    // (the entity marks it synchronize: false). No fast update: courses are seldom written, and
    // rows waiting in GIN's pending list are scanned by every search and make the planner shun
    // the index (seen right after seeding 10,000 courses).
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await queryRunner.query(
      "ALTER TABLE \"courses\" ADD \"search\" text GENERATED ALWAYS AS (lower(code || chr(31) || coalesce(title->>'ar', '') || chr(31) || coalesce(title->>'fr', '') || chr(31) || coalesce(title->>'en', ''))) STORED NOT NULL",
    );
    await queryRunner.query(
      'INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES ($1, $2, $3, $4, $5, $6)',
      [
        queryRunner.dataSource.driver.database,
        'public',
        'courses',
        'GENERATED_COLUMN',
        'search',
        "lower(code || chr(31) || coalesce(title->>'ar', '') || chr(31) || coalesce(title->>'fr', '') || chr(31) || coalesce(title->>'en', ''))",
      ],
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_courses_search_trgm" ON "courses" USING gin ("search" gin_trgm_ops) WITH (fastupdate = off)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "IDX_courses_search_trgm"');
    await queryRunner.query(
      'DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "database" = $3 AND "schema" = $4 AND "table" = $5',
      ['GENERATED_COLUMN', 'search', queryRunner.dataSource.driver.database, 'public', 'courses'],
    );
    await queryRunner.query('ALTER TABLE "courses" DROP COLUMN "search"');
    await queryRunner.query('DROP EXTENSION IF EXISTS pg_trgm');
  }
}
