import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ReminderKind } from '@/core/queue/queue-name';
import { UserEntity } from '@/modules/identity/user.entity';
import { LiveSessionEntity } from '@/modules/live/live-session.entity';

/**
 * A reminder that went out. The row is inserted before the e-mail is sent, in the transaction that
 * commits after it: a second worker holding the same reminder (a duplicate or stalled job) waits on
 * the key, then finds it taken and sends nothing. A new start time is a new key.
 */
@Entity('reminders_sent')
export class ReminderSentEntity {
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

  @PrimaryColumn({ type: 'varchar', length: 10 })
  kind: ReminderKind;

  @PrimaryColumn({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', default: () => 'now()' })
  sentAt: Date;
}
