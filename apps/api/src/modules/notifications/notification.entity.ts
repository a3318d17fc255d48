import type { EmailMode, NotificationKind } from '@mre/contracts';
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

/** One line of a person's in-app list (the bell). The web words it from `kind` and `params`. */
@Entity('notifications')
@Index(['userId', 'createdAt'])
@Index('IDX_notifications_unread', ['userId'], { where: 'read_at IS NULL' })
@Index('IDX_notifications_digest_due', ['userId'], { where: "email = 'digest' AND digested_at IS NULL" })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 40 })
  kind: NotificationKind;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  params: object;

  /** How it was to be e-mailed when written (the person's choice then); null: the kind has no e-mail. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  email: EmailMode | null;

  /** When a daily digest took it: a digest never lists it again. */
  @Column({ name: 'digested_at', type: 'timestamptz', nullable: true })
  digestedAt: Date | null;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
