import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One connection of a person to a session's room (LiveKit participant sid). Join and leave may
 * arrive in any order, twice, or after the room finished: each is merged in, never overwritten.
 */
@Entity('attendance_segments')
@Index(['sessionId', 'userId'])
export class AttendanceSegmentEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @PrimaryColumn({ name: 'participant_sid', type: 'varchar', length: 100 })
  participantSid: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'joined_at', type: 'timestamptz', nullable: true })
  joinedAt: Date | null;

  @Column({ name: 'left_at', type: 'timestamptz', nullable: true })
  leftAt: Date | null;
}
