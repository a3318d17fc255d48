import { MigrationInterface, QueryRunner } from 'typeorm';
import { ALL_PAIRS, refreshPresenceSql } from '../../../modules/attendance/refresh-presence.sql';

export class AttendancePresence1795928292487 implements MigrationInterface {
  name = 'AttendancePresence1795928292487';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"attendance_presence\" (\"session_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"present_seconds\" double precision NOT NULL, \"counted\" boolean NOT NULL, CONSTRAINT \"PK_dde2c7ef68748dc797e6c6169a4\" PRIMARY KEY (\"session_id\", \"user_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_attendance_presence_uncounted\" ON \"attendance_presence\"  (\"session_id\") WHERE NOT counted");
    await queryRunner.query("CREATE TABLE \"attendance_session_presence\" (\"session_id\" uuid NOT NULL, \"counted_seconds\" double precision NOT NULL, CONSTRAINT \"PK_8a2706b1c919789ddba821c04d6\" PRIMARY KEY (\"session_id\"))");
    // The presence of the segments recorded before these tables existed, by the worker's own statement.
    await queryRunner.query(refreshPresenceSql(ALL_PAIRS));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"attendance_session_presence\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_attendance_presence_uncounted\"");
    await queryRunner.query("DROP TABLE \"attendance_presence\"");
  }
}
