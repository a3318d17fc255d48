import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import type { AttendanceStatus } from '@mre/contracts';
import type { AuthUser } from '@/core/auth/auth-user';
import { ConflictError, DomainError, InvalidInputError } from '@/core/errors/domain-error';
import { AuditService } from '@/modules/audit/audit.service';
import { CohortAccessService } from '@/modules/cohorts/cohort-access.service';
import { UsersService } from '@/modules/identity/users.service';
import type { LiveSessionEntity } from '@/modules/live/live-session.entity';
import { SessionTimesChangedEvent } from '@/modules/live/session-times-changed.event';
import { SessionsService } from '@/modules/live/sessions.service';
import { computeAttendance } from './attendance-calculator';
import { AttendanceMarkEntity } from './attendance-mark.entity';
import { AttendanceSegmentEntity } from './attendance-segment.entity';
import { checkIn, correct, mergeSegment, refreshPresence, touchedPairs } from './attendance.queries';
import {
  AttendanceListDto,
  AttendanceRowDto,
  CorrectAttendanceDto,
  MyAttendanceDto,
  MyAttendanceListDto,
} from './dto/attendance.dto';

/** One participant connection as a LiveKit event reports it. */
export interface ParticipantEvent {
  session: LiveSessionEntity;
  userId: string;
  participantSid: string;
  joinedAt: Date | null;
  leftAt: Date | null;
}

/** What a batch of webhook events changed, for `refreshPresence`. */
export interface TouchedAttendance {
  pairs: { sessionId: string; userId: string }[];
  /** Sessions whose every person is refreshed: the room finished (open connections end with it), or the times moved. */
  wholeSessionIds: string[];
}

/** Attendance of people over a cohort's held sessions. */
export interface AttendanceTally {
  heldSessions: number;
  /** Sessions attended (present, late or excused), per person. */
  attended: Map<string, number>;
}

/** A row as computed, before `list` leaves the status open until the end. */
type DecidedRow = AttendanceRowDto & { status: AttendanceStatus };

class NotACohortMemberError extends InvalidInputError {
  readonly code = 'not-enrolled';

  constructor() {
    super('This person is not enrolled in the cohort');
  }
}

class NotHybridError extends InvalidInputError {
  readonly code = 'not-hybrid';

  constructor() {
    super('In-person check-in is for hybrid sessions');
  }
}

class SessionNotStartedError extends ConflictError {
  readonly code = 'session-not-started';

  constructor() {
    super('Attendance is taken once the session has started');
  }
}

/** Before its start there is no attendance to take or correct. */
function assertStarted(session: LiveSessionEntity): void {
  if (session.startsAt.getTime() > Date.now()) throw new SessionNotStartedError();
}

@Injectable()
export class AttendanceService {
  constructor(
    @InjectRepository(AttendanceSegmentEntity) private readonly segments: Repository<AttendanceSegmentEntity>,
    @InjectRepository(AttendanceMarkEntity) private readonly marks: Repository<AttendanceMarkEntity>,
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly access: CohortAccessService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Presence is clipped to the session's times: when they move, everyone's is computed again, in
   * the transaction that moved them (a failure here must undo the move, not be logged and dropped).
   */
  @OnEvent(SessionTimesChangedEvent.topic, { suppressErrors: false })
  async onSessionTimesChanged({ sessionId, manager }: SessionTimesChangedEvent): Promise<void> {
    await this.refreshPresence({ pairs: [], wholeSessionIds: [sessionId] }, manager);
  }

  /**
   * Merges a join or leave into the connection's segment: the earliest join and the latest leave
   * win, so duplicates, replays and any arrival order give the same segment.
   */
  async recordParticipant(event: ParticipantEvent, manager: EntityManager): Promise<void> {
    await manager.query(...mergeSegment(event));
  }

  /**
   * Brings the stored presence (what the dashboard sums) up to date with the segments, for a whole
   * batch in one statement, in the transaction that wrote the segments.
   */
  async refreshPresence(
    { pairs, wholeSessionIds }: TouchedAttendance,
    manager: EntityManager,
  ): Promise<void> {
    if (pairs.length === 0 && wholeSessionIds.length === 0) return;
    await manager.query(...refreshPresence(touchedPairs({ pairs, wholeSessionIds })));
  }

  async list(sessionId: string, actor: AuthUser): Promise<AttendanceListDto> {
    const { session } = await this.sessions.accessFor(sessionId, actor, 'run');
    // Until the end, someone not (yet) present enough is not absent: they may still come.
    const ended = session.status !== 'scheduled' || session.endsAt.getTime() <= Date.now();
    const [segments, marks, memberIds] = await Promise.all([
      this.segments.find({ where: { sessionId } }),
      this.marks.find({ where: { sessionId } }),
      this.access.attendingTraineeIds(session.cohortId),
    ]);
    const ids = [...new Set([...memberIds, ...segments.map((s) => s.userId), ...marks.map((m) => m.userId)])];
    const correctors = marks.map((m) => m.correctedBy).filter((id): id is string => !!id);
    const people = new Map(
      (await this.users.getMany([...new Set([...ids, ...correctors])])).map((u) => [u.id, u.fullName]),
    );
    const items = ids
      .filter((id) => people.has(id))
      .map((id) =>
        this.row(
          session,
          id,
          people,
          segments.filter((s) => s.userId === id),
          marks.find((m) => m.userId === id),
        ),
      )
      .map((row) =>
        row.status === 'absent' && row.source === 'live' && !ended ? { ...row, status: null } : row,
      )
      .sort((a, b) => a.fullName.localeCompare(b.fullName));
    return { items, total: items.length };
  }

  /**
   * The caller's own attendance in those of these sessions they attended as a trainee and that are
   * over (not cancelled); the others (not theirs, still to come) are left out, not refused.
   */
  async mine(sessionIds: string[], actor: AuthUser): Promise<MyAttendanceListDto> {
    const items: MyAttendanceDto[] = [];
    for (const id of new Set(sessionIds)) {
      const access = await this.sessions.accessFor(id, actor).catch((error: unknown) => {
        if (error instanceof DomainError) return null;
        throw error;
      });
      if (!access || access.standing.relation !== 'trainee') continue;
      const { session } = access;
      if (session.status !== 'scheduled' || session.endsAt.getTime() > Date.now()) continue;
      const { minutesPresent, percent, status, source } = await this.rowFor(session, actor.id);
      items.push({ sessionId: id, minutesPresent, percent, status, source });
    }
    return { items, total: items.length };
  }

  /**
   * How many of the cohort's held sessions each of these people attended, by the statuses the
   * attendance list shows: present, late and excused count as attended, absent does not.
   */
  async tally(cohortId: string, userIds: string[]): Promise<AttendanceTally> {
    const held = await this.sessions.held(cohortId);
    const attended = new Map(userIds.map((id) => [id, 0]));
    if (held.length === 0 || userIds.length === 0) return { heldSessions: held.length, attended };
    const where = { sessionId: In(held.map((s) => s.id)), userId: In(userIds) };
    const [segments, marks] = await Promise.all([this.segments.find({ where }), this.marks.find({ where })]);
    const key = (sessionId: string, userId: string) => `${sessionId}/${userId}`;
    const segmentsOf = new Map<string, AttendanceSegmentEntity[]>();
    for (const segment of segments)
      segmentsOf.set(key(segment.sessionId, segment.userId), [
        ...(segmentsOf.get(key(segment.sessionId, segment.userId)) ?? []),
        segment,
      ]);
    const markOf = new Map(marks.map((m) => [key(m.sessionId, m.userId), m]));
    for (const session of held) {
      for (const userId of userIds) {
        const { status } = this.row(
          session,
          userId,
          new Map(),
          segmentsOf.get(key(session.id, userId)) ?? [],
          markOf.get(key(session.id, userId)),
        );
        if (status !== 'absent') attended.set(userId, (attended.get(userId) ?? 0) + 1);
      }
    }
    return { heldSessions: held.length, attended };
  }

  /** A coordinator marks someone present at the centre (hybrid sessions): full presence. */
  async checkIn(sessionId: string, userId: string, actor: AuthUser): Promise<AttendanceRowDto> {
    const { session } = await this.sessions.accessFor(sessionId, actor, 'checkIn');
    if (session.mode !== 'hybrid') throw new NotHybridError();
    assertStarted(session);
    await this.assertMember(session, userId);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(...checkIn(sessionId, userId, actor.id));
      await this.audit.record(
        [
          {
            actorId: actor.id,
            action: 'attendance.check-in',
            entityType: 'session',
            entityId: sessionId,
            data: { userId },
          },
        ],
        manager,
      );
    });
    return this.rowFor(session, userId);
  }

  /** A manual correction; the only way to `excused`. Keeps who, when and why, and audits it. */
  async correct(
    sessionId: string,
    userId: string,
    dto: CorrectAttendanceDto,
    actor: AuthUser,
  ): Promise<AttendanceRowDto> {
    const { session } = await this.sessions.accessFor(sessionId, actor, 'run');
    assertStarted(session);
    await this.assertMember(session, userId);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(...correct(sessionId, userId, dto.status, dto.reason.trim(), actor.id));
      await this.audit.record(
        [
          {
            actorId: actor.id,
            action: 'attendance.correct',
            entityType: 'session',
            entityId: sessionId,
            reason: dto.reason.trim(),
            data: { userId, status: dto.status },
          },
        ],
        manager,
      );
    });
    return this.rowFor(session, userId);
  }

  private async rowFor(session: LiveSessionEntity, userId: string): Promise<DecidedRow> {
    const [segments, mark] = await Promise.all([
      this.segments.find({ where: { sessionId: session.id, userId } }),
      this.marks.findOne({ where: { sessionId: session.id, userId } }),
    ]);
    const people = await this.users.getMany([userId, ...(mark?.correctedBy ? [mark.correctedBy] : [])]);
    return this.row(
      session,
      userId,
      new Map(people.map((u) => [u.id, u.fullName])),
      segments,
      mark ?? undefined,
    );
  }

  /** `names` maps user ids to full names: the person's and their corrector's. */
  private row(
    session: LiveSessionEntity,
    userId: string,
    names: Map<string, string>,
    segments: AttendanceSegmentEntity[],
    mark?: AttendanceMarkEntity,
  ): DecidedRow {
    const now = new Date();
    const finished = session.roomFinishedAt;
    const live = computeAttendance({
      scheduledStart: session.startsAt,
      scheduledEnd: session.endsAt,
      openUntil: now,
      segments: segments
        .filter((s) => s.joinedAt !== null)
        .map((s) => ({
          joinedAt: s.joinedAt as Date,
          // A connection still open when the room finished ended with the room.
          leftAt: s.leftAt ?? (finished && finished > (s.joinedAt as Date) ? finished : null),
        })),
    });
    const scheduledMinutes = Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000);
    const base = mark?.checkedInAt
      ? {
          minutesPresent: scheduledMinutes,
          percent: 100,
          status: 'present' as const,
          source: 'in_person' as const,
        }
      : {
          minutesPresent: live.minutesPresent,
          percent: live.percent,
          status: live.status,
          source: 'live' as const,
        };
    return {
      userId,
      fullName: names.get(userId) ?? '',
      ...base,
      ...(mark?.correctedStatus ? { status: mark.correctedStatus, source: 'manual' as const } : {}),
      firstJoinAt: live.firstJoinAt?.toISOString() ?? null,
      correctionReason: mark?.correctionReason ?? null,
      correctedBy: mark?.correctedBy ?? null,
      correctedByName: mark?.correctedBy ? (names.get(mark.correctedBy) ?? null) : null,
      correctedAt: mark?.correctedAt?.toISOString() ?? null,
    };
  }

  private async assertMember(session: LiveSessionEntity, userId: string): Promise<void> {
    if (!(await this.access.attendingTraineeIds(session.cohortId)).includes(userId))
      throw new NotACohortMemberError();
  }
}
