import { CHAT_MESSAGE_MAX_LENGTH } from '@mre/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '@/modules/identity/user.entity';
import { LiveSessionEntity } from './live-session.entity';

/**
 * One message of a session's class chat, kept with the session so that the cohort can read it after
 * class. A host's deletion keeps the row (the chat shows where a message was) but not its words.
 */
@Entity('chat_messages')
@Index(['sessionId', 'createdAt', 'id'])
// A person's messages, for their data export and their erasure.
@Index(['authorId'])
export class ChatMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => LiveSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: LiveSessionEntity;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id' })
  author?: UserEntity;

  /** Empty once deleted. */
  @Column({ type: 'varchar', length: CHAT_MESSAGE_MAX_LENGTH })
  text: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @Column({ name: 'deleted_by', type: 'uuid', nullable: true })
  deletedBy: string | null;
}
