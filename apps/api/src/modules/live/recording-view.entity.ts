import type { RecordingOutput } from '@mre/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '@/modules/identity/user.entity';
import { RecordingEntity } from './recording.entity';

/** Who opened which output of a recording: the first time, the last, and how many times. */
@Entity('recording_views')
export class RecordingViewEntity {
  @PrimaryColumn({ name: 'recording_id', type: 'uuid' })
  recordingId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  output: RecordingOutput;

  @ManyToOne(() => RecordingEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recording_id' })
  recording?: RecordingEntity;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ name: 'first_viewed_at', type: 'timestamptz' })
  firstViewedAt: Date;

  @Column({ name: 'last_viewed_at', type: 'timestamptz' })
  lastViewedAt: Date;

  @Column({ type: 'integer', default: 1 })
  views: number;
}
