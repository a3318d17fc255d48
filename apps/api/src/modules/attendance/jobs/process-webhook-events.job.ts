import { Processor, WorkerHost } from '@nestjs/bullmq';
import { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../../core/config/app-config';
import { QueueName, WebhookInboxJob } from '../../../core/queue/queue-name';
import { workerOptions } from '../../../core/queue/worker-options';
import type { LiveSessionEntity } from '../../live/live-session.entity';
import { EgressInfoJson, RecordingsService } from '../../live/recordings.service';
import { RoomJoin, RoomService } from '../../live/room.service';
import { SessionsService } from '../../live/sessions.service';
import type { WebhookEventEntity } from '../../live/webhook-event.entity';
import { WebhookInboxService } from '../../live/webhook-inbox.service';
import { AttendanceService, TouchedAttendance } from '../attendance.service';

const BATCH_SIZE = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ParticipantJson {
  sid?: string;
  identity?: string;
  joinedAt?: string;
  joinedAtMs?: string;
}

/**
 * Turns stored LiveKit webhooks into attendance and recording state, a locked batch at a time.
 * Each worker also nudges the queue on a timer: events stored while Redis was down (or whose nudge
 * was lost with Redis's memory) are processed once it is back. The timer lives in the process, not
 * in Redis, so a Redis restart cannot lose it.
 */
@Processor(QueueName.WebhookInbox, workerOptions(1))
export class ProcessWebhookEventsJob
  extends WorkerHost
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly inbox: WebhookInboxService,
    private readonly sessions: SessionsService,
    private readonly attendance: AttendanceService,
    private readonly recordings: RecordingsService,
    private readonly room: RoomService,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.sweeper = setInterval(() => void this.inbox.nudge(), this.config.get('INBOX_SWEEP_MS'));
    this.sweeper.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  async process(_job: Job<WebhookInboxJob>): Promise<number> {
    let processed = 0;
    const joins: RoomJoin[] = [];
    for (;;) {
      const count = await this.dataSource.transaction(async (manager) => {
        const batch = await this.inbox.nextBatch(manager, BATCH_SIZE);
        if (batch.length === 0) return 0;
        const rooms = new Map<string, LiveSessionEntity>();
        const roomNames = [...new Set(batch.map((e) => e.roomName).filter((r): r is string => !!r))];
        for (const session of await this.sessions.lockByRoomNames(roomNames, manager))
          rooms.set(session.roomName, session);
        const notes = new Map<string, string | null>();
        const touched: TouchedAttendance = { pairs: [], wholeSessionIds: [] };
        for (const event of batch)
          notes.set(event.id, await this.apply(event, rooms, touched, joins, manager));
        await this.attendance.refreshPresence(touched, manager);
        await this.inbox.markProcessed(manager, notes);
        return batch.length;
      });
      // Once committed: a removed person back in the room with an older token goes out again.
      await this.room.enforceRemovals(joins.splice(0));
      processed += count;
      if (count < BATCH_SIZE) return processed;
    }
  }

  /** Answers a note when the event changes nothing; collects the joins, checked against removals after the commit. */
  private async apply(
    event: WebhookEventEntity,
    rooms: Map<string, LiveSessionEntity>,
    touched: TouchedAttendance,
    joins: RoomJoin[],
    manager: EntityManager,
  ): Promise<string | null> {
    if (event.event.startsWith('egress_'))
      return this.recordings.applyEgress((event.payload.egressInfo ?? {}) as EgressInfoJson);
    const session = event.roomName ? rooms.get(event.roomName) : undefined;
    if (!session) return 'room unknown to the platform';
    if (event.event === 'room_finished') {
      await this.sessions.markRoomFinished(session.id, event.occurredAt, manager);
      touched.wholeSessionIds.push(session.id);
      return null;
    }
    if (event.event !== 'participant_joined' && event.event !== 'participant_left')
      return 'not used for attendance';
    const participant = (event.payload.participant ?? {}) as ParticipantJson;
    if (!participant.sid || !participant.identity || !UUID.test(participant.identity))
      return 'participant is not a platform user';
    const joinedMs = Number(participant.joinedAtMs ?? 0) || Number(participant.joinedAt ?? 0) * 1000;
    const joinedAt =
      joinedMs > 0 ? new Date(joinedMs) : event.event === 'participant_joined' ? event.occurredAt : null;
    await this.attendance.recordParticipant(
      {
        session,
        userId: participant.identity,
        participantSid: participant.sid,
        joinedAt,
        leftAt: event.event === 'participant_left' ? event.occurredAt : null,
      },
      manager,
    );
    touched.pairs.push({ sessionId: session.id, userId: participant.identity });
    if (event.event === 'participant_joined')
      joins.push({ sessionId: session.id, roomName: session.roomName, userId: participant.identity });
    return null;
  }
}
