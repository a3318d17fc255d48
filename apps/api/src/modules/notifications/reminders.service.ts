import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { QueueName, ReminderJob, ReminderKind } from '@/core/queue/queue-name';
import { ReminderSentEntity } from './reminder-sent.entity';

export type LeadKind = Exclude<ReminderKind, 'feedback'>;
export const REMINDER_LEADS_MS: Record<LeadKind, number> = { '24h': 24 * 3600_000, '15m': 15 * 60_000 };

/** How long after a session ends its trainees may answer the feedback survey. */
export const FEEDBACK_OPEN_DAYS = 7;
export const FEEDBACK_OPEN_MS = FEEDBACK_OPEN_DAYS * 24 * 3600_000;

/** A session as reminders need it: which one, and when it starts and ends. */
export interface RemindedSession {
  id: string;
  startsAt: Date;
  endsAt: Date;
}

/** When each kind runs: before the start for reminders, at the end for the feedback request. */
function runAtOf(session: RemindedSession, kind: ReminderKind): number {
  return kind === 'feedback'
    ? session.endsAt.getTime()
    : session.startsAt.getTime() - REMINDER_LEADS_MS[kind];
}

const KINDS: ReminderKind[] = ['24h', '15m', 'feedback'];

/**
 * Job ids carry the start they were planned for, so a rescheduled session gets new ids (and
 * BullMQ's id dedupe never mixes old and new), and the old ones can be found and removed.
 */
export const fanOutJobId = (sessionId: string, kind: ReminderKind, startsAt: Date) =>
  `reminder-${sessionId}-${kind}-${startsAt.getTime()}`;
export const sendJobId = (sessionId: string, userId: string, kind: ReminderKind, startsAt: Date) =>
  `reminder-${sessionId}-${userId}-${kind}-${startsAt.getTime()}`;

/**
 * Plans the 24 h and 15 min reminders of sessions, and the feedback request at their end, as
 * delayed jobs, and claims each sending once.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger(RemindersService.name);

  constructor(@InjectQueue(QueueName.Reminders) private readonly queue: Queue<ReminderJob>) {}

  /** Queues the reminders still ahead; one set per session and start time, whoever calls twice. */
  async plan(sessions: RemindedSession[]): Promise<void> {
    // One clock reading for delay and timestamp: the job then runs exactly at start − lead.
    const now = Date.now();
    const jobs = sessions.flatMap((session) =>
      KINDS.map((kind) => ({ kind, runAt: runAtOf(session, kind) }))
        .filter(({ runAt }) => runAt > now)
        .map(({ kind, runAt }) => ({
          name: 'fan-out',
          data: {
            step: 'fan-out' as const,
            sessionId: session.id,
            kind,
            startsAt: session.startsAt.toISOString(),
          },
          opts: {
            jobId: fanOutJobId(session.id, kind, session.startsAt),
            delay: runAt - now,
            timestamp: now,
          } satisfies JobsOptions,
        })),
    );
    // The sessions are saved already: Redis being down must not turn their creation into an error.
    if (jobs.length > 0)
      await this.queue
        .addBulk(jobs)
        .catch((error: Error) =>
          this.logger.error(`Reminders of ${sessions.length} session(s) not planned: ${error.message}`),
        );
  }

  /**
   * Removes the reminders planned for this start. A job already running cannot be removed; it
   * finds the session moved or cancelled when it reads it, and sends nothing.
   */
  async unplan(session: Pick<RemindedSession, 'id' | 'startsAt'>): Promise<void> {
    for (const kind of KINDS) {
      await this.queue
        .remove(fanOutJobId(session.id, kind, session.startsAt))
        .catch((error: Error) => this.logger.warn(`Reminder of ${session.id} left queued: ${error.message}`));
    }
  }

  /** Queues the reminder of each attendee; ids dedupe a fan-out that runs twice. */
  async fanOut(job: Extract<ReminderJob, { step: 'fan-out' }>, userIds: string[]): Promise<void> {
    const startsAt = new Date(job.startsAt);
    await this.queue.addBulk(
      userIds.map((userId) => ({
        name: 'send',
        data: { ...job, step: 'send' as const, userId },
        opts: { jobId: sendJobId(job.sessionId, userId, job.kind, startsAt) },
      })),
    );
  }

  /**
   * Takes the right to send this reminder, in the caller's transaction: true once per (session,
   * person, kind, start), however many workers try at the same time.
   */
  async claim(job: Extract<ReminderJob, { step: 'send' }>, manager: EntityManager): Promise<boolean> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(ReminderSentEntity)
      .values({
        sessionId: job.sessionId,
        userId: job.userId,
        kind: job.kind,
        startsAt: new Date(job.startsAt),
      })
      .orIgnore()
      .returning(['session_id'])
      .execute();
    return (inserted.raw as unknown[]).length > 0;
  }
}
