import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795918624674 implements MigrationInterface {
  name = 'Initial1795918624674';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "centres" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "city" character varying(100) NOT NULL, "region" character varying(100), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_f208432a94ea179f60a0121f74f" UNIQUE ("name"), CONSTRAINT "PK_0220a98077fab39bf8142b59b37" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "networks" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "country" character varying(100) NOT NULL, "sector_codes" text array NOT NULL DEFAULT \'{}\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_b340a763309cd7b7f7ab0d12a27" UNIQUE ("name"), CONSTRAINT "PK_61b1ee921bf79550d9d4742b9f7" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "full_name" character varying(200) NOT NULL, "role" character varying(20) NOT NULL, "status" character varying(20) NOT NULL, "password_hash" character varying(200), "locale" character varying(2) NOT NULL, "time_zone" character varying(64) NOT NULL, "network_id" uuid, "centre_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_ace513fa30d485cfd25c11a9e4" ON "users"  ("role") ');
    await queryRunner.query('CREATE INDEX "IDX_7c2b6c639115d84e14bf896053" ON "users"  ("centre_id") ');
    await queryRunner.query(
      'CREATE TABLE "courses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(40) NOT NULL, "title" jsonb NOT NULL, "summary" jsonb, "sector_code" character varying(40) NOT NULL, "network_id" uuid NOT NULL, "format" character varying(20) NOT NULL, "duration_hours" integer NOT NULL, "status" character varying(20) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_86b3589486bac01d2903e22471c" UNIQUE ("code"), CONSTRAINT "PK_3f70a487cc718ad8eda4e6d58c9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_500d27ebd809653a41a8d567b0" ON "courses"  ("sector_code") ');
    await queryRunner.query('CREATE INDEX "IDX_f58ab65d80f439f10da6130cc6" ON "courses"  ("network_id") ');
    await queryRunner.query('CREATE INDEX "IDX_889f2701163f86b2faf62a6247" ON "courses"  ("status") ');
    await queryRunner.query(
      'CREATE TABLE "course_modules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "course_id" uuid NOT NULL, "title" jsonb NOT NULL, "position" integer NOT NULL, "materials" jsonb NOT NULL DEFAULT \'[]\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4c195db0718e8845a6e09075ebc" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_0379ed4bed32044ccc2a3c4fe6" ON "course_modules"  ("course_id", "position") ',
    );
    await queryRunner.query(
      'CREATE TABLE "invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5dec98cfdfd562e4ad3648bbb07" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "sectors" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(40) NOT NULL, "name" jsonb NOT NULL, CONSTRAINT "UQ_182f6a983ef4914b39c1aae5482" UNIQUE ("code"), CONSTRAINT "PK_923fdda0dc12f59add7b3a1782f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "family_id" uuid NOT NULL, "user_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_d5e27da0cd39bc3bb2811fc8ba" ON "refresh_tokens"  ("family_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "course_experts" ("course_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_00db01bf6ac696c4b4229d63991" PRIMARY KEY ("course_id", "user_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_10cae4ea196340041d9bed1f4a" ON "course_experts"  ("course_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_0ba3fd1aee870bdb8c8deb87e1" ON "course_experts"  ("user_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "users" ADD CONSTRAINT "FK_3aa3456c015cd800a734f522d27" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "users" ADD CONSTRAINT "FK_7c2b6c639115d84e14bf896053f" FOREIGN KEY ("centre_id") REFERENCES "centres"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "courses" ADD CONSTRAINT "FK_f58ab65d80f439f10da6130cc6f" FOREIGN KEY ("network_id") REFERENCES "networks"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "course_modules" ADD CONSTRAINT "FK_81644557c2401f37fe9e884e884" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "invitations" ADD CONSTRAINT "FK_fecdffec754fa4d5cea98709776" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "refresh_tokens" ADD CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "course_experts" ADD CONSTRAINT "FK_10cae4ea196340041d9bed1f4a8" FOREIGN KEY ("course_id") REFERENCES "courses"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
    await queryRunner.query(
      'ALTER TABLE "course_experts" ADD CONSTRAINT "FK_0ba3fd1aee870bdb8c8deb87e17" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "course_experts" DROP CONSTRAINT "FK_0ba3fd1aee870bdb8c8deb87e17"');
    await queryRunner.query('ALTER TABLE "course_experts" DROP CONSTRAINT "FK_10cae4ea196340041d9bed1f4a8"');
    await queryRunner.query('ALTER TABLE "refresh_tokens" DROP CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4"');
    await queryRunner.query('ALTER TABLE "invitations" DROP CONSTRAINT "FK_fecdffec754fa4d5cea98709776"');
    await queryRunner.query('ALTER TABLE "course_modules" DROP CONSTRAINT "FK_81644557c2401f37fe9e884e884"');
    await queryRunner.query('ALTER TABLE "courses" DROP CONSTRAINT "FK_f58ab65d80f439f10da6130cc6f"');
    await queryRunner.query('ALTER TABLE "users" DROP CONSTRAINT "FK_7c2b6c639115d84e14bf896053f"');
    await queryRunner.query('ALTER TABLE "users" DROP CONSTRAINT "FK_3aa3456c015cd800a734f522d27"');
    await queryRunner.query('DROP INDEX "public"."IDX_0ba3fd1aee870bdb8c8deb87e1"');
    await queryRunner.query('DROP INDEX "public"."IDX_10cae4ea196340041d9bed1f4a"');
    await queryRunner.query('DROP TABLE "course_experts"');
    await queryRunner.query('DROP INDEX "public"."IDX_d5e27da0cd39bc3bb2811fc8ba"');
    await queryRunner.query('DROP TABLE "refresh_tokens"');
    await queryRunner.query('DROP TABLE "sectors"');
    await queryRunner.query('DROP TABLE "invitations"');
    await queryRunner.query('DROP INDEX "public"."IDX_0379ed4bed32044ccc2a3c4fe6"');
    await queryRunner.query('DROP TABLE "course_modules"');
    await queryRunner.query('DROP INDEX "public"."IDX_889f2701163f86b2faf62a6247"');
    await queryRunner.query('DROP INDEX "public"."IDX_f58ab65d80f439f10da6130cc6"');
    await queryRunner.query('DROP INDEX "public"."IDX_500d27ebd809653a41a8d567b0"');
    await queryRunner.query('DROP TABLE "courses"');
    await queryRunner.query('DROP INDEX "public"."IDX_7c2b6c639115d84e14bf896053"');
    await queryRunner.query('DROP INDEX "public"."IDX_ace513fa30d485cfd25c11a9e4"');
    await queryRunner.query('DROP TABLE "users"');
    await queryRunner.query('DROP TABLE "networks"');
    await queryRunner.query('DROP TABLE "centres"');
  }
}
