import { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionFeedback1796600700000 implements MigrationInterface {
  name = 'SessionFeedback1796600700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "session_feedback" ("session_id" uuid NOT NULL, "user_id" uuid NOT NULL, "content" smallint NOT NULL, "clarity" smallint NOT NULL, "audio_video" smallint NOT NULL, "comment" character varying(1000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f9f60b7ea86c77ca5b32debb441" PRIMARY KEY ("session_id", "user_id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "cohorts" ADD "requires_final_quiz_pass" boolean NOT NULL DEFAULT false',
    );
    await queryRunner.query(
      'ALTER TABLE "session_feedback" ADD CONSTRAINT "FK_2a2e14a35ecefd7803561e15253" FOREIGN KEY ("session_id") REFERENCES "live_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "session_feedback" ADD CONSTRAINT "FK_2d700384b58a2cd5a17dcce62b0" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "session_feedback" DROP CONSTRAINT "FK_2d700384b58a2cd5a17dcce62b0"',
    );
    await queryRunner.query(
      'ALTER TABLE "session_feedback" DROP CONSTRAINT "FK_2a2e14a35ecefd7803561e15253"',
    );
    await queryRunner.query('ALTER TABLE "cohorts" DROP COLUMN "requires_final_quiz_pass"');
    await queryRunner.query('DROP TABLE "session_feedback"');
  }
}
