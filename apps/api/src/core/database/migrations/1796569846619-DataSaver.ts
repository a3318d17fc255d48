import { MigrationInterface, QueryRunner } from 'typeorm';

/** A person's data-saver choice; null (everyone so far) follows the browser's report of the connection. */
export class DataSaver1796569846619 implements MigrationInterface {
  name = 'DataSaver1796569846619';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "users" ADD "data_saver" boolean');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "data_saver"');
  }
}
