import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { QueueName, WebhookInboxJob } from '@/core/queue/queue-name';
import { workerOptions } from '@/core/queue/worker-options';
import { AttendanceService, TouchedAttendance } from '@/modules/attendance/attendance.service';
import type { LiveSessionEntity } from '@/modules/live/live-session.entity';
import { EgressInfoJson, RecordingsService } from '@/modules/live/recordings.service';
import { RoomJoin, RoomService } from '@/modules/live/room.service';
import { SessionsService } from '@/modules/live/sessions.service';
import { participantConnection } from '../participant-connection';
import type { WebhookEventEntity } from '../webhook-event.entity';
import { WebhookInboxService } from '../webhook-inbox.service';

const BATCH_SIZE = 500;

/** Turns stored LiveKit webhooks into attendance and recording state, a locked batch at a time. */
@Processor(QueueName.WebhookInbox, workerOptions(1))
export class ProcessWebhookEventsJob extends WorkerHost {
  constructor(
    private readonly dataSource: DataSource,
    private readonly inbox: WebhookInboxService,
    private readonly sessions: SessionsService,
    private readonly attendance: AttendanceService,
    private readonly recordings: RecordingsService,
    private readonly room: RoomService,
  ) {
    super();
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
    const connection = participantConnection(event);
    if (typeof connection === 'string') return connection;
    await this.attendance.recordParticipant({ session, ...connection }, manager);
    touched.pairs.push({ sessionId: session.id, userId: connection.userId });
    if (event.event === 'participant_joined')
      joins.push({ sessionId: session.id, roomName: session.roomName, userId: connection.userId });
    return null;
  }
}
