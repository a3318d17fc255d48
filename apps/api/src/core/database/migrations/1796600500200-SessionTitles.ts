import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Session titles in ar/fr/en, like course titles: the title typed so far is kept in the language
 * of its letters (Arabic, else French), and stays the single `title` older clients read.
 */
export class SessionTitles1796600500200 implements MigrationInterface {
  name = 'SessionTitles1796600500200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "live_sessions" ADD "titles" jsonb NOT NULL DEFAULT \'{}\'');
    await queryRunner.query(
      `UPDATE "live_sessions" SET "titles" = CASE WHEN "title" ~ '[\\u0600-\\u06FF\\u0750-\\u077F\\u08A0-\\u08FF]' THEN jsonb_build_object('ar', "title") ELSE jsonb_build_object('fr', "title") END`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "live_sessions" DROP COLUMN "titles"');
  }
}
