import { Injectable } from '@nestjs/common';
import { EventEmitter2, EventEmitterReadinessWatcher } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { changedLocalized, pickLocalized } from '@mre/contracts';
import { DataSource, EntityManager, In, LessThanOrEqual, Repository } from 'typeorm';
import type { AuthUser } from '@/core/auth/auth-user';
import { AppConfig } from '@/core/config/app-config';
import { queryPage } from '@/core/database/page-query';
import { postgresErrorCode } from '@/core/database/postgres-errors';
import { NotFoundError } from '@/core/errors/domain-error';
import { Page } from '@/core/http/pagination';
import { instantOf, parseInstantWithOffset, wallClockOf, weeklyWallClocks } from '@/core/time/wall-clock';
import { CohortAccessService } from '@/modules/cohorts/cohort-access.service';
import {
  CohortPolicy,
  mayInClasses,
  type ClassAction,
  type CohortStanding,
} from '@/modules/cohorts/cohort-policy';
import { UsersService } from '@/modules/identity/users.service';
import { RemindersService } from '@/modules/notifications/reminders.service';
import { CreateSessionsDto, ScheduleQueryDto, SessionDto, UpdateSessionDto } from './dto/session.dto';
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
import { schedulePage } from './sessions.queries';

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

  async get(id: string, actor: AuthUser): Promise<SessionDto> {
    return this.toDto((await this.accessFor(id, actor)).session);
  }

  async update(id: string, dto: UpdateSessionDto, actor: AuthUser): Promise<SessionDto> {
    const { session } = await this.accessFor(id, actor, 'run');
    this.assertUpcoming(session);
    const startsAt = dto.startsAt ? (parseInstantWithOffset(dto.startsAt) as Date) : session.startsAt;
    const timeZone = dto.timeZone ?? session.timeZone;
    const minutes =
      dto.durationMinutes ?? Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000);
    const moved =
      startsAt.getTime() !== session.startsAt.getTime() ||
      minutes * 60_000 !== session.endsAt.getTime() - session.startsAt.getTime();
    const planned = { id: session.id, startsAt: session.startsAt };
    // A new start or zone re-anchors the session: from now on it keeps this wall-clock time there.
    const localStart = dto.startsAt || dto.timeZone ? wallClockOf(startsAt, timeZone) : session.localStart;
    const titles = changedLocalized(session.titles, { text: dto.title, texts: dto.titles });
    Object.assign(session, {
      title: pickLocalized(titles, 'fr'),
      titles,
      mode: dto.mode ?? session.mode,
      startsAt,
      endsAt: new Date(startsAt.getTime() + minutes * 60_000),
      localStart,
      timeZone,
      icsSequence: session.icsSequence + 1,
    });
    await this.withOverlapCheck(() =>
      this.dataSource.transaction(async (manager) => {
        await manager.save(session);
        if (moved) await this.timesChanged(session.id, manager);
      }),
    );
    await this.access.accessChanged(session.cohortId);
    if (planned.startsAt.getTime() !== startsAt.getTime()) {
      await this.reminders.unplan(planned);
      await this.reminders.plan([session]);
    }
    if (moved) await this.notices.changed(session, 'session-rescheduled');
    return this.toDto(session);
  }

  async cancel(id: string, actor: AuthUser): Promise<SessionDto> {
    const { session } = await this.accessFor(id, actor, 'run');
    this.assertUpcoming(session);
    session.status = 'cancelled';
    session.icsSequence += 1;
    await this.sessions.save(session);
    await this.access.accessChanged(session.cohortId);
    await this.reminders.unplan(session);
    await this.notices.changed(session, 'session-cancelled');
    return this.toDto(session);
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
