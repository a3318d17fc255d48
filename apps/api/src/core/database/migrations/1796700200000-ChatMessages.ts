import { MigrationInterface, QueryRunner } from 'typeorm';

export class ChatMessages1796700200000 implements MigrationInterface {
  name = 'ChatMessages1796700200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "chat_messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "author_id" uuid NOT NULL, "text" character varying(2000) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, "deleted_by" uuid, CONSTRAINT "PK_40c55ee0e571e268b0d3cd37d10" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_8a51af2a9263dd9e8dd8b3e0dc" ON "chat_messages"  ("session_id", "created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_85a3fc9253b9b06d74fec69241" ON "chat_messages"  ("author_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "chat_messages" ADD CONSTRAINT "FK_0672782561e44d43febcfba2984" FOREIGN KEY ("session_id") REFERENCES "live_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "chat_messages" ADD CONSTRAINT "FK_85a3fc9253b9b06d74fec69241d" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "chat_messages" DROP CONSTRAINT "FK_85a3fc9253b9b06d74fec69241d"');
    await queryRunner.query('ALTER TABLE "chat_messages" DROP CONSTRAINT "FK_0672782561e44d43febcfba2984"');
    await queryRunner.query('DROP INDEX "public"."IDX_85a3fc9253b9b06d74fec69241"');
    await queryRunner.query('DROP INDEX "public"."IDX_8a51af2a9263dd9e8dd8b3e0dc"');
    await queryRunner.query('DROP TABLE "chat_messages"');
  }
}
