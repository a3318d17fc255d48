import { MigrationInterface, QueryRunner } from 'typeorm';

/** Why a session was cancelled, in ar/fr/en as the canceller gave it: shown to trainees and put in the notice. */
export class SessionCancellationReasons1796600900100 implements MigrationInterface {
  name = 'SessionCancellationReasons1796600900100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "live_sessions" ADD "cancellation_reasons" jsonb');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "live_sessions" DROP COLUMN "cancellation_reasons"');
  }
}
