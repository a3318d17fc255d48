import { MigrationInterface, QueryRunner } from 'typeorm';

export class QuestionWaitingTold1796700450000 implements MigrationInterface {
  name = 'QuestionWaitingTold1796700450000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "cohort_questions" ADD "waiting_told_at" TIMESTAMP WITH TIME ZONE');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "cohort_questions" DROP COLUMN "waiting_told_at"');
  }
}
