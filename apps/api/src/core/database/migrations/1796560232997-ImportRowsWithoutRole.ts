import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored import reports no longer say which role a refused e-mail has: the rows become the one
 * `not-enrollable` problem, with the e-mail alone. What was dropped cannot come back on undo.
 */
export class ImportRowsWithoutRole1796560232997 implements MigrationInterface {
  name = 'ImportRowsWithoutRole1796560232997';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE "import_jobs" SET "result" = jsonb_set("result", '{errors}', (
        SELECT jsonb_agg(
          CASE WHEN e->>'code' = 'not-a-trainee' THEN jsonb_build_object(
            'row', e->'row',
            'code', 'not-enrollable',
            'params', jsonb_build_object('email', e#>>'{params,email}'),
            'message', (e#>>'{params,email}') || ' cannot be enrolled in this cohort')
          ELSE e END ORDER BY i)
        FROM jsonb_array_elements("result"->'errors') WITH ORDINALITY AS t(e, i)))
      WHERE "result"->'errors' @> '[{"code": "not-a-trainee"}]'`);
  }

  async down(): Promise<void> {
    // The roles are gone on purpose; the reports stay as they are.
  }
}
