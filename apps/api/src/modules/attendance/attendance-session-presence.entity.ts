import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Per session, the sum of `attendance_presence.present_seconds` over its rows marked `counted`: the
 * dashboard reads 20,000 of these instead of a million per-person rows. Written only by
 * `refreshPresence`, in the statement that writes the per-person rows.
 */
@Entity('attendance_session_presence')
export class AttendanceSessionPresenceEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @Column({ name: 'counted_seconds', type: 'double precision' })
  countedSeconds: number;
}
