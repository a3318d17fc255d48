import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The merged presence of one person in one session, stored when the worker records their
 * connections so that the dashboard never merges segments at read time. A pure function of the
 * person's segments and the session's times: `refreshPresence` (attendance.queries.ts) is the
 * one statement that writes it, together with the session's total (AttendanceSessionPresenceEntity).
 */
@Entity('attendance_presence')
@Index('IDX_attendance_presence_uncounted', ['sessionId'], { where: 'NOT counted' })
export class AttendancePresenceEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  /** Seconds connected within the scheduled time, overlapping reconnects counted once. */
  @Column({ name: 'present_seconds', type: 'double precision' })
  presentSeconds: number;

  /**
   * Whether the person was a counted beneficiary of the session's cohort (active or completed
   * enrollment) when the row was written. The dashboard reads the session's total of these rows
   * and corrects it with the few enrollments whose status differs now (see ReportingService).
   */
  @Column({ type: 'boolean' })
  counted: boolean;
}
