import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { EntityManager, In, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { LiveKitGateway } from '@/core/livekit/livekit-gateway';
import { QueueName, WebhookInboxJob } from '@/core/queue/queue-name';
import { WebhookEventEntity } from './webhook-event.entity';

/**
 * Receives LiveKit webhooks: verify, store in the inbox (PostgreSQL), then nudge the queue.
 * The inbox is the source of truth, so a webhook is kept even when Redis is down.
 */
@Injectable()
export class WebhookInboxService {
  private readonly logger = new Logger(WebhookInboxService.name);
  private lastNudge = 0;

  constructor(
    @InjectRepository(WebhookEventEntity) private readonly events: Repository<WebhookEventEntity>,
    @InjectQueue(QueueName.WebhookInbox) private readonly queue: Queue<WebhookInboxJob>,
    private readonly livekit: LiveKitGateway,
  ) {}

  async receive(rawBody: string, authorization: string | undefined): Promise<void> {
    const event = await this.livekit.verifyWebhook(rawBody, authorization);
    const payload = JSON.parse(rawBody) as Record<string, unknown>;
    const createdAtSeconds = Number(event.createdAt ?? 0);
    await this.events
      .createQueryBuilder()
      .insert()
      .values({
        id: event.id,
        event: event.event,
        roomName: event.room?.name ?? event.egressInfo?.roomName ?? null,
        occurredAt: createdAtSeconds > 0 ? new Date(createdAtSeconds * 1000) : new Date(),
        payload,
        processedAt: null,
        note: null,
      } as QueryDeepPartialEntity<WebhookEventEntity>)
      .orIgnore()
      .execute();
    // Not awaited: with Redis down the add waits for it to come back, and LiveKit must get its 200 now.
    void this.nudge();
  }

  /** One processing job per second at most; the sweeper picks up anything a lost nudge left. */
  async nudge(): Promise<void> {
    const second = Math.floor(Date.now() / 1000);
    // In a webhook storm thousands arrive each second; the first one's job, run once that second is
    // over, covers the rest.
    if (second === this.lastNudge) return;
    this.lastNudge = second;
    await this.queue
      .add(
        'process',
        {},
        {
          jobId: `inbox-${second}`,
          delay: 1200 - (Date.now() % 1000),
          removeOnComplete: true,
          removeOnFail: 100,
        },
      )
      .catch((error: Error) =>
        this.logger.warn(`Webhook stored, queue unavailable (${error.message}); the sweeper will process it`),
      );
  }

  /**
   * Deletes processed events received before `before`, a batch at a time. Attendance was merged
   * from them into its own tables when they were processed; unprocessed events always stay.
   */
  async prune(before: Date, batchSize = 5_000): Promise<number> {
    let total = 0;
    for (;;) {
      const [, deleted] = (await this.events.query(
        `DELETE FROM livekit_webhook_events WHERE id IN (
           SELECT id FROM livekit_webhook_events WHERE processed_at IS NOT NULL AND received_at < $1 LIMIT $2)`,
        [before, batchSize],
      )) as [unknown, number];
      total += deleted;
      if (deleted < batchSize) return total;
    }
  }

  /** Locks a batch of unprocessed events; two workers never take the same rows. */
  nextBatch(manager: EntityManager, size: number): Promise<WebhookEventEntity[]> {
    return manager
      .getRepository(WebhookEventEntity)
      .createQueryBuilder('e')
      .where('e.processed_at IS NULL')
      .orderBy('e.occurred_at', 'ASC')
      .addOrderBy('e.received_at', 'ASC')
      .limit(size)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  /** Marks the batch done, one UPDATE per distinct note (most events have none). */
  async markProcessed(manager: EntityManager, notes: Map<string, string | null>): Promise<void> {
    const byNote = new Map<string | null, string[]>();
    for (const [id, note] of notes) byNote.set(note, [...(byNote.get(note) ?? []), id]);
    for (const [note, ids] of byNote) {
      await manager
        .getRepository(WebhookEventEntity)
        .update({ id: In(ids) }, { processedAt: new Date(), note });
    }
  }
}
