import type { AttendanceStatus } from '@mre/contracts';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * What people set by hand for one person in one session: an in-person check-in at the centre
 * (hybrid sessions) and/or a manual correction of the status, with who, when and why.
 */
@Entity('attendance_marks')
export class AttendanceMarkEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  @Column({ name: 'checked_in_by', type: 'uuid', nullable: true })
  checkedInBy: string | null;

  @Column({ name: 'corrected_status', type: 'varchar', length: 20, nullable: true })
  correctedStatus: AttendanceStatus | null;

  @Column({ name: 'correction_reason', type: 'varchar', length: 500, nullable: true })
  correctionReason: string | null;

  @Column({ name: 'corrected_by', type: 'uuid', nullable: true })
  correctedBy: string | null;

  @Column({ name: 'corrected_at', type: 'timestamptz', nullable: true })
  correctedAt: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
