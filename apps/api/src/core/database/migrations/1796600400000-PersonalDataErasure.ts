import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Erasure at a person's request: when their identifying data was removed (the row stays, so the
 * programme's counts and hours keep their beneficiary), and which certificates were withdrawn with it
 * (still counted as issued, but the public page no longer names anyone).
 */
export class PersonalDataErasure1796600400000 implements MigrationInterface {
  name = 'PersonalDataErasure1796600400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "users" ADD "erased_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "certificates" ADD "withdrawn_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('CREATE INDEX "IDX_audit_log_created_at" ON "audit_log" ("created_at") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_audit_log_created_at"');
    await queryRunner.query('ALTER TABLE "certificates" DROP COLUMN "withdrawn_at"');
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "erased_at"');
  }
}
