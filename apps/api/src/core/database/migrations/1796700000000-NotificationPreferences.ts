import { MigrationInterface, QueryRunner } from 'typeorm';

export class NotificationPreferences1796700000000 implements MigrationInterface {
  name = 'NotificationPreferences1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "notification_preferences" ("user_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "email" character varying(10) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4beeeb46feaf58d75e124c8ba58" PRIMARY KEY ("user_id", "kind"))',
    );
    await queryRunner.query('ALTER TABLE "notifications" ADD "email" character varying(10)');
    await queryRunner.query('ALTER TABLE "notifications" ADD "digested_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query(
      'CREATE INDEX "IDX_notifications_digest_due" ON "notifications"  ("user_id") WHERE email = \'digest\' AND digested_at IS NULL',
    );
    await queryRunner.query(
      'ALTER TABLE "notification_preferences" ADD CONSTRAINT "FK_64c90edc7310c6be7c10c96f675" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "notification_preferences" DROP CONSTRAINT "FK_64c90edc7310c6be7c10c96f675"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_notifications_digest_due"');
    await queryRunner.query('ALTER TABLE "notifications" DROP COLUMN "digested_at"');
    await queryRunner.query('ALTER TABLE "notifications" DROP COLUMN "email"');
    await queryRunner.query('DROP TABLE "notification_preferences"');
  }
}
