import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { AuthUser } from '../../core/auth/auth-user';
import { CohortAccessService, CohortRelation, relationOf } from '../cohorts/cohort-access.service';
import { UsersService } from '../identity/users.service';
import type { LiveSessionEntity } from './live-session.entity';
import { RoomRemovalEntity } from './room-removal.entity';
import { SessionsService } from './sessions.service';

/** Even under a stamp that never changes, a copy is reloaded this often (a stamp change may have been lost). */
const RELOAD_MS = 30_000;
/** Copies kept per process: the sessions that are live or about to start. */
const MAX_CONTEXTS = 1_000;

/** Everything a join needs to know about one session, as of one moment. */
export interface JoinContext {
  stamp: string;
  loadedAt: number;
  session: LiveSessionEntity;
  centreId: string;
  capacity: number;
  teacherCount: number;
  teachers: Set<string>;
  trainees: Set<string>;
  removed: Set<string>;
  /** Full names of the teachers and trainees (the name others see in the room). */
  names: Map<string, string>;
}

/** Who the person is in the room, from a copy: only the people it lists, never a refusal. */
export interface CopiedAdmission {
  relation: CohortRelation;
  name: string;
}

/**
 * In-memory copies of each session's join rules (the session, its cohort's roster, the removals,
 * the names), so that the hundreds of joins of a class start read PostgreSQL once instead of four
 * times each. A copy is used only while its cohort's access stamp (Redis, shared by every process)
 * is the one it was loaded under: withdrawals, teacher changes, session changes and removals
 * replace the stamp once committed (CohortAccessService.accessChanged).
 */
@Injectable()
export class JoinContexts {
  /** A session's cohort never changes, so it is remembered for good (within the same bound). */
  private readonly cohortOf = new Map<string, string>();
  private readonly contexts = new Map<string, JoinContext>();
  private readonly loading = new Map<string, Promise<JoinContext | null>>();

  constructor(
    @InjectRepository(RoomRemovalEntity) private readonly removals: Repository<RoomRemovalEntity>,
    private readonly sessions: SessionsService,
    private readonly access: CohortAccessService,
    private readonly users: UsersService,
  ) {}

  /** A current copy for the session, or null when none can be vouched for (ask PostgreSQL then). */
  async current(sessionId: string): Promise<JoinContext | null> {
    const cohortId = this.cohortOf.get(sessionId) ?? (await this.learnCohort(sessionId));
    if (!cohortId) return null;
    const stamp = await this.access.accessStamp(cohortId);
    if (!stamp) return null;
    const held = this.contexts.get(sessionId);
    if (held && held.stamp === stamp && Date.now() - held.loadedAt < RELOAD_MS) return held;
    // Joins arriving together share one load.
    const key = `${sessionId}:${stamp}`;
    let load = this.loading.get(key);
    if (!load) {
      load = this.load(sessionId, cohortId, stamp).finally(() => this.loading.delete(key));
      this.loading.set(key, load);
    }
    return load;
  }

  /** The person's place in the room by the copy; null for anyone it does not admit as they are. */
  admit(context: JoinContext, actor: AuthUser): CopiedAdmission | null {
    if (context.removed.has(actor.id)) return null;
    const relation = relationOf(context.centreId, context.teachers.has(actor.id), context.trainees.has(actor.id), actor);
    const name = context.names.get(actor.id);
    return relation && name !== undefined ? { relation, name } : null;
  }

  private async learnCohort(sessionId: string): Promise<string | null> {
    const session = await this.sessions.find(sessionId);
    if (!session) return null;
    this.remember(this.cohortOf, sessionId, session.cohortId);
    return session.cohortId;
  }

  /** Read after the stamp, so that a change committed meanwhile leaves a newer copy, never an older one. */
  private async load(sessionId: string, cohortId: string, stamp: string): Promise<JoinContext | null> {
    const [session, roster, removals] = await Promise.all([
      this.sessions.find(sessionId),
      this.access.roster(cohortId),
      this.removals.find({ where: { sessionId }, select: { userId: true } }),
    ]);
    if (!session || !roster) return null;
    const names = await this.users.namesOf([...roster.teacherIds, ...roster.traineeIds]);
    const context: JoinContext = {
      stamp,
      loadedAt: Date.now(),
      session,
      centreId: roster.centreId,
      capacity: roster.capacity,
      teacherCount: roster.teacherIds.length,
      teachers: new Set(roster.teacherIds),
      trainees: new Set(roster.traineeIds),
      removed: new Set(removals.map((r) => r.userId)),
      names,
    };
    this.remember(this.contexts, sessionId, context);
    return context;
  }

  private remember<T>(map: Map<string, T>, key: string, value: T): void {
    map.delete(key);
    // Maps iterate in insertion order: the first key is the one least recently loaded.
    if (map.size >= MAX_CONTEXTS) map.delete(map.keys().next().value as string);
    map.set(key, value);
  }
}
