import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The inbox: every verified LiveKit webhook, stored before anything else happens, keyed by the
 * event id so that duplicates and replays are stored once. A job turns rows into attendance.
 */
@Entity('livekit_webhook_events')
@Index('IDX_webhook_events_unprocessed', ['receivedAt'], { where: 'processed_at IS NULL' })
export class WebhookEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  event: string;

  @Index()
  @Column({ name: 'room_name', type: 'varchar', length: 200, nullable: true })
  roomName: string | null;

  /** The event's own time (LiveKit's createdAt), not when it reached us. */
  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;

  @Column({ name: 'processed_at', type: 'timestamptz', nullable: true })
  processedAt: Date | null;

  /** Why a processed event changed nothing (a room the platform does not know, say). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  note: string | null;
}
