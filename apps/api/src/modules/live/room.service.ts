import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { RoomRole } from '@mre/contracts';
import { TrackSource, type VideoGrant } from 'livekit-server-sdk';
import { Repository } from 'typeorm';
import type { AuthUser } from '@/core/auth/auth-user';
import { AppConfig } from '@/core/config/app-config';
import { LiveKitGateway } from '@/core/livekit/livekit-gateway';
import { RateLimiter } from '@/core/redis/rate-limiter';
import { AuditService } from '@/modules/audit/audit.service';
import { CohortAccessService } from '@/modules/cohorts/cohort-access.service';
import { CohortPolicy, isAttending, type CohortRelation } from '@/modules/cohorts/cohort-policy';
import { UsersService } from '@/modules/identity/users.service';
import { JoinResponseDto, RoomActionResultDto } from './dto/session.dto';
import { admit, refusalError } from './join-admission';
import { JoinContexts, type JoinContext } from './join-contexts';
import {
  ChatReadOnlyError,
  NotInCohortError,
  SessionNotFoundError,
  StaffNotRemovableError,
  TooManyJoinRequestsError,
} from './live.errors';
import type { LiveSessionEntity } from './live-session.entity';
import { RoomRemovalEntity } from './room-removal.entity';
import { SessionsService } from './sessions.service';

/** A join token only opens the door; once in, LiveKit keeps the connection alive on its own. */
const TOKEN_TTL_SECONDS = 5 * 60;
const EMPTY_ROOM_TIMEOUT_SECONDS = 10 * 60;

const ROLE_OF: Record<CohortRelation, RoomRole> = {
  teacher: 'host',
  trainee: 'trainee',
  coordinator: 'observer',
  admin: 'observer',
};

const GRANTS: Record<RoomRole, VideoGrant> = {
  // No roomRecord for anyone: LiveKit checks it apart from the token's room, so it would let a host
  // list, start (to any RTMP URL) and stop the recordings of every room. The API records for them.
  host: { roomAdmin: true, canPublish: true, canSubscribe: true, canPublishData: true },
  trainee: {
    canSubscribe: true,
    canPublishData: true,
    canPublish: true,
    canPublishSources: [TrackSource.MICROPHONE, TrackSource.CAMERA],
  },
  observer: { canSubscribe: true, canPublish: false, canPublishData: false, hidden: true },
};

interface Admission {
  session: LiveSessionEntity;
  relation: CohortRelation;
  name: string;
  /** The room's participant limit, should the join create it. */
  roomSize: number;
}

/** Someone who may speak in a session's room now (its chat included): a host or a trainee, in its window. */
export interface RoomSpeaker {
  session: LiveSessionEntity;
  role: Exclude<RoomRole, 'observer'>;
  name: string;
}

/** A platform user LiveKit reported joining a session's room. */
export interface RoomJoin {
  sessionId: string;
  roomName: string;
  userId: string;
}

@Injectable()
export class RoomService {
  private readonly logger = new Logger(RoomService.name);

  constructor(
    @InjectRepository(RoomRemovalEntity) private readonly removals: Repository<RoomRemovalEntity>,
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
    private readonly livekit: LiveKitGateway,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly limiter: RateLimiter,
    private readonly contexts: JoinContexts,
    private readonly access: CohortAccessService,
    private readonly policy: CohortPolicy,
  ) {}

  /** A LiveKit token for the session's room, only inside the join window and only for its people. */
  async join(sessionId: string, actor: AuthUser, ip: string): Promise<JoinResponseDto> {
    // Asked together (one Redis round trip with auto-pipelining): the rate count and the copy's stamp.
    const [, context] = await Promise.all([
      this.assertJoinRate(sessionId, actor, ip),
      this.contexts.current(sessionId),
    ]);
    const now = Date.now();
    // A copy only ever admits; anything it would refuse is decided again from PostgreSQL.
    const admission =
      (context && this.admitFromCopy(context, actor, now)) ??
      (await this.admitFromDatabase(sessionId, actor, now));
    const { session } = admission;

    if (!session.roomCreatedAt) {
      // Best effort: if LiveKit is down the token is still good, and the classroom says so plainly.
      try {
        await this.livekit.ensureRoom(session.roomName, admission.roomSize, EMPTY_ROOM_TIMEOUT_SECONDS);
        await this.sessions.markRoomCreated(session.id);
        session.roomCreatedAt = new Date();
      } catch (error) {
        this.logger.warn(
          `Room ${session.roomName} not created yet: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    const role = ROLE_OF[admission.relation];
    const token = await this.livekit.createJoinToken({
      room: session.roomName,
      identity: actor.id,
      name: admission.name,
      metadata: JSON.stringify({ role, userRole: actor.role }),
      grant: GRANTS[role],
      ttlSeconds: TOKEN_TTL_SECONDS,
    });
    return {
      serverUrl: this.livekit.serverUrl,
      token,
      expiresAt: new Date(now + TOKEN_TTL_SECONDS * 1000).toISOString(),
      role,
    };
  }

  /** Takes the person out of the room and refuses them new tokens until readmitted. */
  async remove(sessionId: string, userId: string, actor: AuthUser): Promise<RoomActionResultDto> {
    const { session, standing } = await this.sessions.accessFor(sessionId, actor, 'host');
    // Admins and coordinators observe classes; a teacher may not lock them out (an admin may).
    if (standing.relation !== 'admin') {
      const [target] = await this.users.getMany([userId]);
      if (target && (target.role === 'admin' || target.role === 'coordinator'))
        throw new StaffNotRemovableError();
    }
    await this.removals
      .createQueryBuilder()
      .insert()
      .values({ sessionId, userId, removedBy: actor.id })
      .orIgnore()
      .execute();
    await this.access.accessChanged(session.cohortId);
    await this.audit.record([
      {
        actorId: actor.id,
        action: 'room.remove',
        entityType: 'session',
        entityId: sessionId,
        data: { userId },
      },
    ]);
    return {
      appliedInRoom: await this.applied(() => this.livekit.removeParticipant(session.roomName, userId)),
    };
  }

  async readmit(sessionId: string, userId: string, actor: AuthUser): Promise<RoomActionResultDto> {
    await this.sessions.accessFor(sessionId, actor, 'host');
    await this.removals.delete({ sessionId, userId });
    await this.audit.record([
      {
        actorId: actor.id,
        action: 'room.readmit',
        entityType: 'session',
        entityId: sessionId,
        data: { userId },
      },
    ]);
    return { appliedInRoom: true };
  }

  /**
   * People who joined a room they were removed from (with a token obtained before the removal) are
   * taken out again, and the audit says so. Called with the joins LiveKit reported.
   */
  async enforceRemovals(joins: RoomJoin[]): Promise<void> {
    if (joins.length === 0) return;
    const removed = await this.removals.find({
      where: joins.map(({ sessionId, userId }) => ({ sessionId, userId })),
    });
    for (const { sessionId, userId } of removed) {
      const join = joins.find((j) => j.sessionId === sessionId && j.userId === userId) as RoomJoin;
      const appliedInRoom = await this.applied(() => this.livekit.removeParticipant(join.roomName, userId));
      await this.audit.record([
        {
          actorId: null,
          action: 'room.removed-again',
          entityType: 'session',
          entityId: sessionId,
          reason: 'rejoined after being removed',
          data: { userId, appliedInRoom },
        },
      ]);
    }
  }

  /**
   * The caller, if the join admission lets them into the room now and their role there publishes:
   * observers (coordinators, admins) read only. Refusals are the join's (403, 410, 425).
   */
  async speaker(sessionId: string, actor: AuthUser): Promise<RoomSpeaker> {
    const admission = await this.admitFromDatabase(sessionId, actor, Date.now());
    const role = ROLE_OF[admission.relation];
    if (role === 'observer') throw new ChatReadOnlyError();
    return { session: admission.session, role, name: admission.name };
  }

  /**
   * News for everyone in the room, on a data-channel topic. Best effort: the API keeps what was
   * said, and clients read it again when they (re)load. Answers whether LiveKit took it.
   */
  relay(session: Pick<LiveSessionEntity, 'roomName'>, topic: string, payload: object): Promise<boolean> {
    return this.applied(() => this.livekit.sendData(session.roomName, topic, payload));
  }

  async mute(sessionId: string, userId: string, actor: AuthUser): Promise<RoomActionResultDto> {
    const { session } = await this.sessions.accessFor(sessionId, actor, 'host');
    return { appliedInRoom: await this.applied(() => this.livekit.muteMicrophone(session.roomName, userId)) };
  }

  /** The copy's answer: only for someone it admits and names; anyone else is asked of PostgreSQL. */
  private admitFromCopy(context: JoinContext, actor: AuthUser, now: number): Admission | null {
    const decision = admit(context, actor, now);
    const name = context.names.get(actor.id);
    return decision.admitted && name !== undefined
      ? { session: context.session, relation: decision.relation, roomSize: decision.roomSize, name }
      : null;
  }

  /** The same rule fed from PostgreSQL: the answer for anyone a copy does not admit, with the reason. */
  private async admitFromDatabase(sessionId: string, actor: AuthUser, now: number): Promise<Admission> {
    const session = await this.sessions.find(sessionId);
    if (!session) throw new SessionNotFoundError();
    const [standing, removed] = await Promise.all([
      this.policy.standing(session.cohortId, actor),
      this.removals.exists({ where: { sessionId, userId: actor.id } }),
    ]);
    if (!standing) throw new NotInCohortError();
    const only = (listed: boolean) => new Set(listed ? [actor.id] : []);
    const decision = admit(
      {
        session,
        joinWindowMs: this.windowMs,
        centreId: standing.centreId,
        capacity: standing.capacity,
        teachers: new Set(standing.teacherIds),
        trainees: only(isAttending(standing.enrollment)),
        removed: only(removed),
      },
      actor,
      now,
    );
    if (!decision.admitted) throw refusalError(decision);
    const user = await this.users.get(actor.id);
    return { session, relation: decision.relation, roomSize: decision.roomSize, name: user.fullName };
  }

  private get windowMs(): number {
    return this.config.get('JOIN_WINDOW_MINUTES') * 60_000;
  }

  /** A reloading page or a script may ask again and again: each join costs a signature and LiveKit calls. */
  private async assertJoinRate(sessionId: string, actor: AuthUser, ip: string): Promise<void> {
    const wait = await this.limiter.consume([
      {
        key: `join:user:${actor.id}:${sessionId}`,
        max: this.config.get('JOIN_RATE_LIMIT_PER_USER'),
        windowSeconds: 60,
      },
      { key: `join:ip:${ip}`, max: this.config.get('JOIN_RATE_LIMIT_PER_IP'), windowSeconds: 60 },
    ]);
    if (wait !== null) throw new TooManyJoinRequestsError(wait);
  }

  private async applied(action: () => Promise<void>): Promise<boolean> {
    try {
      await action();
      return true;
    } catch (error) {
      this.logger.warn(`Room action not applied: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }
}
