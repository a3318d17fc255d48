import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's trail (`GET /audit?personId=`) also lists the entries that concern them: their
 * enrolments, attendance corrections and certificates, which name them in `data.userId`. Written by
 * hand: TypeORM cannot declare an index on an expression (the entity marks it synchronize: false).
 */
export class AuditSubjectIndex1796700500000 implements MigrationInterface {
  name = 'AuditSubjectIndex1796700500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_audit_log_subject" ON "audit_log" ((data->>'userId'), "created_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."IDX_audit_log_subject"');
  }
}
