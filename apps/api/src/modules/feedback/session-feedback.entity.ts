import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { UserEntity } from '@/modules/identity/user.entity';
import { LiveSessionEntity } from '@/modules/live/live-session.entity';

/** A trainee's answer to the survey after a held session: one per person and session, editable while open. */
@Entity('session_feedback')
export class SessionFeedbackEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => LiveSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: LiveSessionEntity;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** 1–5: the content of the session. */
  @Column({ type: 'smallint' })
  content: number;

  /** 1–5: how clearly the expert explained. */
  @Column({ type: 'smallint' })
  clarity: number;

  /** 1–5: the quality of the sound and picture. */
  @Column({ name: 'audio_video', type: 'smallint' })
  audioVideo: number;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  comment: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
