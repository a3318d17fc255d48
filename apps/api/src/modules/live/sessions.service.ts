import { Injectable } from '@nestjs/common';
import { EventEmitter2, EventEmitterReadinessWatcher } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { changedLocalized, pickLocalized } from '@mre/contracts';
import { DataSource, EntityManager, In, LessThanOrEqual, MoreThanOrEqual, Repository } from 'typeorm';
import type { AuthUser } from '@/core/auth/auth-user';
import { AppConfig } from '@/core/config/app-config';
import { queryPage } from '@/core/database/page-query';
import { postgresErrorCode } from '@/core/database/postgres-errors';
import { NotFoundError } from '@/core/errors/domain-error';
import { Page } from '@/core/http/pagination';
import {
  instantOf,
  parseInstantWithOffset,
  shiftedWallClock,
  wallClockOf,
  weeklyWallClocks,
} from '@/core/time/wall-clock';
import { AuditService } from '@/modules/audit/audit.service';
import { CohortAccessService } from '@/modules/cohorts/cohort-access.service';
import {
  CohortPolicy,
  mayInClasses,
  type ClassAction,
  type CohortStanding,
} from '@/modules/cohorts/cohort-policy';
import { UsersService } from '@/modules/identity/users.service';
import { RemindersService } from '@/modules/notifications/reminders.service';
import {
  CancelSessionDto,
  CreateSessionsDto,
  ScheduleQueryDto,
  SessionDto,
  UpdateSessionDto,
  type SeriesScope,
} from './dto/session.dto';
import {
  NotHostError,
  NotInCohortError,
  SessionEndedError,
  SessionNotFoundError,
  SessionOverlapError,
} from './live.errors';
import { LiveSessionEntity } from './live-session.entity';
import { SessionNoticesService } from './session-notices.service';
import { SessionTimesChangedEvent } from './session-times-changed.event';
import {
  calendarSessions,
  deferOverlapCheck,
  schedulePage,
  type CalendarSessionRow,
} from './sessions.queries';

class CohortNotFoundError extends NotFoundError {
  readonly code = 'cohort-not-found';

  constructor() {
    super('Cohort');
  }
}

/** A session with the caller's standing in its cohort, as the other live services need it. */
export interface SessionAccess {
  session: LiveSessionEntity;
  standing: CohortStanding;
}

@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(LiveSessionEntity) private readonly sessions: Repository<LiveSessionEntity>,
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly access: CohortAccessService,
    private readonly policy: CohortPolicy,
    private readonly users: UsersService,
    private readonly reminders: RemindersService,
    private readonly notices: SessionNoticesService,
    private readonly events: EventEmitter2,
    private readonly eventsReady: EventEmitterReadinessWatcher,
    private readonly audit: AuditService,
  ) {}

  /**
   * Publishes SessionTimesChangedEvent inside the caller's transaction and waits for its listeners.
   * A worker's jobs may run before the listeners are subscribed at bootstrap: it waits for them.
   */
  async timesChanged(sessionId: string, manager: EntityManager): Promise<void> {
    await this.eventsReady.waitUntilReady();
    await this.events.emitAsync(
      SessionTimesChangedEvent.topic,
      new SessionTimesChangedEvent(sessionId, manager),
    );
  }

  /**
   * One session, or a weekly series at the same wall-clock time in `timeZone`. Each keeps its
   * wall-clock start and zone (the zone given, else the teacher's): the instants follow from them.
   */
  async create(cohortId: string, dto: CreateSessionsDto, actor: AuthUser): Promise<Page<SessionDto>> {
    const standing = await this.policy.standing(cohortId, actor);
    if (!standing?.relation) throw new CohortNotFoundError();
    if (!mayInClasses(standing.relation, 'host')) throw new NotHostError();
    const first = parseInstantWithOffset(dto.startsAt) as Date;
    const timeZone = dto.timeZone ?? (await this.teacherZone(standing, actor));
    const localStarts = weeklyWallClocks(wallClockOf(first, timeZone), dto.repeatWeeks ?? 1);
    const seriesId = localStarts.length > 1 ? randomUUID() : null;
    const titles = changedLocalized({}, { text: dto.title, texts: dto.titles });
    const rows = localStarts.map((localStart, week) => {
      const id = randomUUID();
      // The first start is the instant asked for (on a repeated hour, its wall clock names two).
      const startsAt = week === 0 ? first : instantOf(localStart, timeZone);
      return this.sessions.create({
        id,
        cohortId,
        title: pickLocalized(titles, 'fr'),
        titles,
        startsAt,
        endsAt: new Date(startsAt.getTime() + dto.durationMinutes * 60_000),
        localStart,
        timeZone,
        mode: dto.mode,
        status: 'scheduled',
        roomName: `mre-${id}`,
        seriesId,
        roomCreatedAt: null,
        roomFinishedAt: null,
        icsSequence: 0,
        createdBy: actor.id,
      });
    });
    await this.withOverlapCheck(() => this.dataSource.transaction((manager) => manager.save(rows)));
    await this.reminders.plan(rows);
    await this.notices.created(rows);
    return { items: rows.map((row) => this.toDto(row)), total: rows.length };
  }

  /**
   * The caller's schedule: sessions of the cohorts they learn in, teach, coordinate (or all for
   * admins). One statement (their cohorts, the page and the total): see bench/README.md.
   */
  async schedule(query: ScheduleQueryDto, actor: AuthUser): Promise<Page<SessionDto>> {
    // A validated integer of the configuration, written in: the statement's text stays fixed per process.
    const joinWindow = Math.trunc(this.config.get('JOIN_WINDOW_MINUTES'));
    const page = await queryPage<SessionDto & { matches_total?: number }>(
      this.dataSource,
      schedulePage(query, joinWindow, (params) => this.policy.scheduleCohorts(actor, params)),
    );
    return { items: page.items.map(({ matches_total: _total, ...session }) => session), total: page.total };
  }

  /**
   * The sessions of the person's schedule (the same cohorts as `schedule`) that end after `since`,
   * cancelled ones included, for a calendar feed; only those of `cohortId` when given. At most `limit`.
   */
  calendarOf(
    actor: AuthUser,
    options: { since: Date; cohortId?: string; limit: number },
  ): Promise<CalendarSessionRow[]> {
    return this.dataSource.query(
      ...calendarSessions(options.since, options.cohortId, options.limit, (params) =>
        this.policy.scheduleCohorts(actor, params),
      ),
    );
  }

  async get(id: string, actor: AuthUser): Promise<SessionDto> {
    return this.toDto((await this.accessFor(id, actor)).session);
  }

  /**
   * Reschedules (or renames) a session, or with `scope: 'following'` this session and every later
   * scheduled one of its series: a new start moves each by the same change of wall-clock time in
   * the zone, so each keeps its local hour across daylight-saving or rule changes. The people of the
   * cohort get one notice for all the sessions moved.
   */
  async update(id: string, dto: UpdateSessionDto, actor: AuthUser): Promise<SessionDto> {
    const { session } = await this.accessFor(id, actor, 'run');
    this.assertUpcoming(session);
    const firstStart = dto.startsAt ? (parseInstantWithOffset(dto.startsAt) as Date) : session.startsAt;
    const timeZone = dto.timeZone ?? session.timeZone;
    // A new start or zone re-anchors the sessions: from now on they keep this wall-clock time there.
    const reanchored = Boolean(dto.startsAt || dto.timeZone);
    const firstLocal = reanchored ? wallClockOf(firstStart, timeZone) : session.localStart;
    const moves: { session: LiveSessionEntity; from: Date }[] = [];
    const changed = await this.withOverlapCheck(() =>
      this.dataSource.transaction(async (manager) => {
        const targets = await this.targets(session, dto.scope, manager);
        for (const target of targets) {
          const from = target.startsAt;
          const length = target.endsAt.getTime() - target.startsAt.getTime();
          const minutes = dto.durationMinutes ?? Math.round(length / 60_000);
          const localStart =
            target.id === session.id
              ? firstLocal
              : reanchored
                ? shiftedWallClock(target.localStart, session.localStart, firstLocal)
                : target.localStart;
          // The first start is the instant asked for (on a repeated hour, its wall clock names two).
          const startsAt =
            target.id === session.id ? firstStart : reanchored ? instantOf(localStart, timeZone) : from;
          const titles = changedLocalized(target.titles, { text: dto.title, texts: dto.titles });
          Object.assign(target, {
            title: pickLocalized(titles, 'fr'),
            titles,
            mode: dto.mode ?? target.mode,
            startsAt,
            endsAt: new Date(startsAt.getTime() + minutes * 60_000),
            localStart,
            timeZone,
            icsSequence: target.icsSequence + 1,
          });
          if (startsAt.getTime() !== from.getTime() || minutes * 60_000 !== length)
            moves.push({ session: target, from });
        }
        await manager.save(targets);
        for (const move of moves) await this.timesChanged(move.session.id, manager);
        await this.audit.record(
          moves.map((move) => ({
            actorId: actor.id,
            action: 'session.rescheduled',
            entityType: 'session',
            entityId: move.session.id,
            data: {
              scope: dto.scope ?? 'one',
              seriesId: move.session.seriesId,
              from: move.from.toISOString(),
              to: move.session.startsAt.toISOString(),
              durationMinutes: Math.round(
                (move.session.endsAt.getTime() - move.session.startsAt.getTime()) / 60_000,
              ),
              localStart: move.session.localStart,
              timeZone: move.session.timeZone,
            },
          })),
          manager,
        );
        return targets;
      }),
    );
    await this.access.accessChanged(session.cohortId);
    const retimed = moves.filter((move) => move.from.getTime() !== move.session.startsAt.getTime());
    for (const move of retimed) await this.reminders.unplan({ id: move.session.id, startsAt: move.from });
    if (retimed.length > 0) await this.reminders.plan(retimed.map((move) => move.session));
    if (moves.length > 0)
      await this.notices.changed(
        moves.map((move) => move.session),
        'session-rescheduled',
      );
    return this.toDto(changed.find((target) => target.id === session.id) ?? session);
  }

  /**
   * Cancels a session, or with `scope: 'following'` this one and every later scheduled one of its
   * series, with an optional reason kept on each and told to the cohort once, in each person's language.
   */
  async cancel(id: string, dto: CancelSessionDto, actor: AuthUser): Promise<SessionDto> {
    const { session } = await this.accessFor(id, actor, 'run');
    this.assertUpcoming(session);
    const given = changedLocalized({}, { text: dto.reason, texts: dto.reasons });
    const reasons = Object.keys(given).length > 0 ? given : null;
    const cancelled = await this.dataSource.transaction(async (manager) => {
      const targets = await this.targets(session, dto.scope, manager);
      for (const target of targets) {
        target.status = 'cancelled';
        target.cancellationReasons = reasons;
        target.icsSequence += 1;
      }
      await manager.save(targets);
      await this.audit.record(
        targets.map((target) => ({
          actorId: actor.id,
          action: 'session.cancelled',
          entityType: 'session',
          entityId: target.id,
          reason: reasons ? pickLocalized(reasons, 'fr') : null,
          data: {
            scope: dto.scope ?? 'one',
            seriesId: target.seriesId,
            startsAt: target.startsAt.toISOString(),
            ...(reasons ? { reasons } : {}),
          },
        })),
        manager,
      );
      return targets;
    });
    await this.access.accessChanged(session.cohortId);
    for (const target of cancelled) await this.reminders.unplan(target);
    await this.notices.changed(cancelled, 'session-cancelled', reasons);
    return this.toDto(cancelled.find((target) => target.id === session.id) ?? session);
  }

  /**
   * The sessions a change applies to, locked until the transaction ends, in start order: the
   * session, or with 'following' it and the later scheduled sessions of its series. Sessions moving
   * together may pass through each other's slots: the overlap check waits for the commit.
   */
  private async targets(
    session: LiveSessionEntity,
    scope: SeriesScope | undefined,
    manager: EntityManager,
  ): Promise<LiveSessionEntity[]> {
    if (scope !== 'following' || !session.seriesId) return [session];
    await manager.query(...deferOverlapCheck());
    const targets = await manager.getRepository(LiveSessionEntity).find({
      where: { seriesId: session.seriesId, status: 'scheduled', startsAt: MoreThanOrEqual(session.startsAt) },
      order: { startsAt: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    // Cancelled or moved meanwhile: the change applies to what is there now.
    return targets.some((target) => target.id === session.id) ? targets : [session, ...targets];
  }

  /**
   * Loads a session when the caller may do `action` in its cohort's classes (403 when not).
   * Someone with no relation to the cohort gets 404: they need not learn the session exists.
   */
  async accessFor(id: string, actor: AuthUser, action: ClassAction = 'attend'): Promise<SessionAccess> {
    const session = await this.sessions.findOne({ where: { id } });
    if (!session) throw new SessionNotFoundError();
    const standing = await this.policy.standing(session.cohortId, actor);
    if (!standing?.relation) throw new SessionNotFoundError();
    if (!mayInClasses(standing.relation, action))
      throw standing.relation === 'trainee' ? new NotInCohortError() : new NotHostError();
    return { session, standing };
  }

  /** The cohort's held sessions: scheduled (not cancelled) and over by now, oldest first. */
  held(cohortId: string): Promise<LiveSessionEntity[]> {
    return this.sessions.find({
      where: { cohortId, status: 'scheduled', endsAt: LessThanOrEqual(new Date()) },
      order: { startsAt: 'ASC' },
    });
  }

  /** The session, without access checks: for processors acting on their own. */
  find(id: string): Promise<LiveSessionEntity | null> {
    return this.sessions.findOne({ where: { id } });
  }

  async markRoomCreated(id: string): Promise<void> {
    await this.sessions.update(id, { roomCreatedAt: new Date() });
  }

  /**
   * The sessions of these rooms, locked until the caller's transaction ends: the webhook worker
   * writes a session's attendance one batch at a time, so a batch never computes a person's
   * presence from a snapshot that misses another worker's uncommitted segments or room finish.
   * Locked in id order, so that two workers cannot deadlock.
   */
  lockByRoomNames(roomNames: string[], manager: EntityManager): Promise<LiveSessionEntity[]> {
    if (roomNames.length === 0) return Promise.resolve([]);
    return manager.getRepository(LiveSessionEntity).find({
      where: { roomName: In(roomNames) },
      order: { id: 'ASC' },
      lock: { mode: 'for_no_key_update' },
    });
  }

  /** The first room_finished wins: a replay of an older one cannot move it. */
  async markRoomFinished(id: string, at: Date, manager: EntityManager): Promise<void> {
    await manager
      .getRepository(LiveSessionEntity)
      .createQueryBuilder()
      .update()
      .set({ roomFinishedAt: () => 'LEAST(COALESCE(room_finished_at, :at), :at)' })
      .where('id = :id', { id })
      .setParameters({ at })
      .execute();
  }

  private assertUpcoming(session: LiveSessionEntity): void {
    if (session.status === 'cancelled') throw new SessionEndedError('cancelled');
    if (session.endsAt.getTime() <= Date.now()) throw new SessionEndedError('ended');
  }

  private async withOverlapCheck<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      // 23P01: the no-overlap exclusion constraint refused the session.
      if (postgresErrorCode(error) === '23P01') throw new SessionOverlapError();
      throw error;
    }
  }

  /** With no zone given, a class keeps the wall clock of its teacher: the scheduler if they teach it, else the cohort's first teacher. */
  private async teacherZone(standing: CohortStanding, actor: AuthUser): Promise<string> {
    const teacherId = standing.teacherIds.includes(actor.id)
      ? actor.id
      : (standing.teacherIds[0] ?? actor.id);
    return (await this.users.get(teacherId)).timeZone;
  }

  private toDto(session: LiveSessionEntity): SessionDto {
    return SessionDto.from(session, this.config.get('JOIN_WINDOW_MINUTES'));
  }
}
