import { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountLifecycle1796569824821 implements MigrationInterface {
  name = 'AccountLifecycle1796569824821';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "password_resets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4816377aa98211c1de34469e742" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_f7a4c3bc48f24df007936d217b" ON "password_resets"  ("user_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "recovery_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" character varying(64) NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_0723b9e53961e799027d7f7ba32" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "IDX_d07c335ded337e58c4f36f234d" ON "recovery_codes"  ("user_id", "code_hash") ',
    );
    await queryRunner.query('ALTER TABLE "users" ADD "last_sign_in_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "users" ADD "two_factor_secret" character varying(64)');
    await queryRunner.query('ALTER TABLE "users" ADD "two_factor_enabled_at" TIMESTAMP WITH TIME ZONE');
    await queryRunner.query('ALTER TABLE "users" ADD "two_factor_last_step" bigint');
    await queryRunner.query(
      'CREATE INDEX "IDX_e41e61d621f53f69aa15c5241d" ON "audit_log"  ("actor_id", "created_at") ',
    );
    await queryRunner.query(
      'ALTER TABLE "password_resets" ADD CONSTRAINT "FK_f7a4c3bc48f24df007936d217be" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "recovery_codes" ADD CONSTRAINT "FK_fb82b2ac740ca095b617afad031" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "recovery_codes" DROP CONSTRAINT "FK_fb82b2ac740ca095b617afad031"');
    await queryRunner.query('ALTER TABLE "password_resets" DROP CONSTRAINT "FK_f7a4c3bc48f24df007936d217be"');
    await queryRunner.query('DROP INDEX "public"."IDX_e41e61d621f53f69aa15c5241d"');
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "two_factor_last_step"');
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "two_factor_enabled_at"');
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "two_factor_secret"');
    await queryRunner.query('ALTER TABLE "users" DROP COLUMN "last_sign_in_at"');
    await queryRunner.query('DROP INDEX "public"."IDX_d07c335ded337e58c4f36f234d"');
    await queryRunner.query('DROP TABLE "recovery_codes"');
    await queryRunner.query('DROP INDEX "public"."IDX_f7a4c3bc48f24df007936d217b"');
    await queryRunner.query('DROP TABLE "password_resets"');
  }
}
