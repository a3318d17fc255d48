import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { RecordingStatus } from '@mre/contracts';
import { LiveSessionEntity } from './live-session.entity';

const bytes = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

@Entity('recordings')
export class RecordingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => LiveSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: LiveSessionEntity;

  /** The Egress writing the video (room composite MP4). */
  @Column({ name: 'egress_id', type: 'varchar', length: 100, unique: true })
  egressId: string;

  /** The Egress writing the audio-only copy (OGG); null for recordings made before it existed. */
  @Column({ name: 'audio_egress_id', type: 'varchar', length: 100, unique: true, nullable: true })
  audioEgressId: string | null;

  @Column({ type: 'varchar', length: 20 })
  status: RecordingStatus;

  @Column({ name: 'started_by', type: 'uuid' })
  startedBy: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ name: 'duration_seconds', type: 'integer', nullable: true })
  durationSeconds: number | null;

  /** The video's key in the object storage, set once `egress_ended` says the file is complete. */
  @Column({ name: 'video_key', type: 'varchar', length: 300, nullable: true })
  videoKey: string | null;

  @Column({ name: 'video_size_bytes', type: 'bigint', nullable: true, transformer: bytes })
  videoSizeBytes: number | null;

  @Column({ name: 'audio_key', type: 'varchar', length: 300, nullable: true })
  audioKey: string | null;

  @Column({ name: 'audio_size_bytes', type: 'bigint', nullable: true, transformer: bytes })
  audioSizeBytes: number | null;

  /** What Egress said when the video failed (or when an output failed while the other worked). */
  @Column({ name: 'failure_reason', type: 'varchar', length: 500, nullable: true })
  failureReason: string | null;

  /** When the retention job (or an admin) removed the files. */
  @Column({ name: 'expired_at', type: 'timestamptz', nullable: true })
  expiredAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
