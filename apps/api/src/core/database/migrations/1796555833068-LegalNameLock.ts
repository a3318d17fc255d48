import { MigrationInterface, QueryRunner } from 'typeorm';

/** A person's legal name is locked from their first enrollment on: those enrolled already are. */
export class LegalNameLock1796555833068 implements MigrationInterface {
  name = 'LegalNameLock1796555833068';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "users" ADD "legal_name_locked" boolean NOT NULL DEFAULT false');
    await queryRunner.query(
      'UPDATE "users" SET "legal_name_locked" = true WHERE "id" IN (SELECT "user_id" FROM "enrollments")',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "legal_name_locked"');
  }
}
