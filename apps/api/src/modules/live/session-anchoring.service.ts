import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource, MoreThan, Repository } from 'typeorm';
import { postgresErrorCode } from '@/core/database/postgres-errors';
import { QueueName, SessionAnchoringJob, SessionAnchoringResult } from '@/core/queue/queue-name';
import { instantOf } from '@/core/time/wall-clock';
import { AuditService } from '@/modules/audit/audit.service';
import { CohortAccessService } from '@/modules/cohorts/cohort-access.service';
import { RemindersService } from '@/modules/notifications/reminders.service';
import { LiveSessionEntity } from './live-session.entity';
import { SessionNoticesService } from './session-notices.service';
import { cohortsWithFutureSessions, deferOverlapCheck } from './sessions.queries';
import { SessionsService } from './sessions.service';
import { TimeZoneRulesEntity } from './time-zone-rules.entity';

/** A session moved by new rules, and where it was. */
interface Move {
  session: LiveSessionEntity;
  from: Date;
}

/**
 * Keeps future sessions at the wall-clock time people agreed on when the runtime's time-zone rules
 * change (Morocco's permanent UTC+0 moved every Casablanca class after 2026-09-20 by an hour in UTC).
 * Past and started sessions never move.
 */
@Injectable()
export class SessionAnchoringService {
  private readonly logger = new Logger(SessionAnchoringService.name);

  constructor(
    @InjectRepository(TimeZoneRulesEntity) private readonly rules: Repository<TimeZoneRulesEntity>,
    @InjectQueue(QueueName.SessionAnchoring) private readonly queue: Queue<SessionAnchoringJob>,
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly access: CohortAccessService,
    private readonly reminders: RemindersService,
    private readonly notices: SessionNoticesService,
    private readonly audit: AuditService,
  ) {}

  /** The tz data version the sessions were last anchored with, if ever. */
  async anchoredVersion(): Promise<string | null> {
    const [latest] = await this.rules.find({ order: { anchoredAt: 'DESC' }, take: 1 });
    return latest?.tzVersion ?? null;
  }

  /**
   * At the API's start: queues the re-anchoring when this runtime's rules are not those the sessions
   * were anchored with. Replicas starting together queue one job (its id names the version).
   */
  async scheduleIfRulesChanged(version: string = process.versions.tz ?? 'unknown'): Promise<boolean> {
    const anchored = await this.anchoredVersion();
    if (anchored === version) return false;
    if (anchored && anchored > version) {
      this.logger.warn(
        `This runtime's tz data (${version}) is older than the ${anchored} the sessions are anchored with: they are left as they are`,
      );
      return false;
    }
    this.logger.log(
      anchored
        ? `Time-zone rules changed (tz data ${anchored} → ${version}): re-anchoring future sessions`
        : `Anchoring future sessions with tz data ${version} (none recorded yet)`,
    );
    await this.queue.add(
      'reanchor',
      { tzVersion: version },
      { jobId: `reanchor-${version}`, removeOnComplete: true, removeOnFail: true },
    );
    return true;
  }

  /**
   * Derives again the instants of every future scheduled session from its wall-clock start, one
   * cohort per transaction; those that moved get new reminders and their people a notice. Running it
   * again moves nothing. The version is recorded once every cohort went through.
   */
  async reanchor(tzVersion: string, now = new Date()): Promise<SessionAnchoringResult> {
    const cohorts: { cohort_id: string }[] = await this.dataSource.query(...cohortsWithFutureSessions(now));
    const result: SessionAnchoringResult = {
      tzVersion,
      sessionsMoved: 0,
      cohortsMoved: 0,
      cohortsFailed: [],
    };
    for (const { cohort_id: cohortId } of cohorts) {
      try {
        const moves = await this.reanchorCohort(cohortId, tzVersion, now);
        if (moves.length === 0) continue;
        result.sessionsMoved += moves.length;
        result.cohortsMoved += 1;
        await this.afterMove(cohortId, moves, tzVersion);
      } catch (error) {
        // 23P01: two of the cohort's sessions would overlap at their new instants.
        if (postgresErrorCode(error) !== '23P01') throw error;
        this.logger.error(`Sessions of cohort ${cohortId} would overlap once re-anchored: left as they were`);
        result.cohortsFailed.push(cohortId);
      }
    }
    if (result.cohortsFailed.length === 0)
      await this.rules.upsert({ tzVersion, sessionsMoved: result.sessionsMoved }, ['tzVersion']);
    this.logger.log(
      `Re-anchored with tz data ${tzVersion}: ${result.sessionsMoved} session(s) of ${result.cohortsMoved} cohort(s) moved`,
    );
    return result;
  }

  private reanchorCohort(cohortId: string, tzVersion: string, now: Date): Promise<Move[]> {
    return this.dataSource.transaction(async (manager) => {
      // Sessions moving together may pass through each other's slots: checked once all have moved.
      await manager.query(...deferOverlapCheck());
      const sessions = await manager.getRepository(LiveSessionEntity).find({
        where: { cohortId, status: 'scheduled', startsAt: MoreThan(now) },
        order: { id: 'ASC' },
        lock: { mode: 'pessimistic_write' },
      });
      const moves: Move[] = [];
      for (const session of sessions) {
        const startsAt = instantOf(session.localStart, session.timeZone);
        if (startsAt.getTime() === session.startsAt.getTime()) continue;
        moves.push({ session, from: session.startsAt });
        session.endsAt = new Date(startsAt.getTime() + session.endsAt.getTime() - session.startsAt.getTime());
        session.startsAt = startsAt;
        session.icsSequence += 1;
      }
      if (moves.length === 0) return moves;
      await manager.save(moves.map((move) => move.session));
      for (const { session } of moves) await this.sessions.timesChanged(session.id, manager);
      await this.audit.record(
        moves.map(({ session, from }) => ({
          actorId: null,
          action: 'session.time-zone-rules-changed',
          entityType: 'session',
          entityId: session.id,
          reason: `time-zone rules changed (tz data ${tzVersion})`,
          data: {
            from: from.toISOString(),
            to: session.startsAt.toISOString(),
            localStart: session.localStart,
            timeZone: session.timeZone,
            tzVersion,
          },
        })),
        manager,
      );
      return moves;
    });
  }

  /** Once committed: join rules, reminders at the new times, and the people told. */
  private async afterMove(cohortId: string, moves: Move[], tzVersion: string): Promise<void> {
    await this.access.accessChanged(cohortId);
    for (const { session, from } of moves) await this.reminders.unplan({ id: session.id, startsAt: from });
    await this.reminders.plan(moves.map((move) => move.session));
    const moved = moves
      .map((move) => move.session)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    await this.notices.retimed(cohortId, moved, tzVersion);
  }
}
