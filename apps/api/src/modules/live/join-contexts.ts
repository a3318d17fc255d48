import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '@/core/config/app-config';
import { StampedCache } from '@/core/redis/stamped-cache';
import { CohortAccessService } from '@/modules/cohorts/cohort-access.service';
import { UsersService } from '@/modules/identity/users.service';
import type { JoinRules } from './join-admission';
import type { LiveSessionEntity } from './live-session.entity';
import { RoomRemovalEntity } from './room-removal.entity';
import { SessionsService } from './sessions.service';

/** Copies kept per process (the sessions that are live or about to start), each reloaded at least every 30 s. */
const COPIES = { maxEntries: 1_000, maxAgeMs: 30_000 };

/** Everything a join needs to know about one session, as of one moment: its rules and the names. */
export interface JoinContext extends JoinRules {
  session: LiveSessionEntity;
  /** Full names of the teachers and trainees (the name others see in the room). */
  names: Map<string, string>;
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
  /** A session's cohort never changes, so it is remembered for good (forgotten all at once past the bound). */
  private readonly cohortOf = new Map<string, string>();
  private readonly contexts = new StampedCache<JoinContext | null>(COPIES);

  constructor(
    @InjectRepository(RoomRemovalEntity) private readonly removals: Repository<RoomRemovalEntity>,
    private readonly sessions: SessionsService,
    private readonly access: CohortAccessService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  /** A current copy for the session, or null when none can be vouched for (ask PostgreSQL then). */
  async current(sessionId: string): Promise<JoinContext | null> {
    const cohortId = this.cohortOf.get(sessionId) ?? (await this.learnCohort(sessionId));
    if (!cohortId) return null;
    const stamp = await this.access.accessStamp(cohortId);
    return stamp ? this.contexts.get(sessionId, stamp, () => this.load(sessionId, cohortId)) : null;
  }

  private async learnCohort(sessionId: string): Promise<string | null> {
    const session = await this.sessions.find(sessionId);
    if (!session) return null;
    if (this.cohortOf.size >= COPIES.maxEntries) this.cohortOf.clear();
    this.cohortOf.set(sessionId, session.cohortId);
    return session.cohortId;
  }

  private async load(sessionId: string, cohortId: string): Promise<JoinContext | null> {
    const [session, roster, removals] = await Promise.all([
      this.sessions.find(sessionId),
      this.access.roster(cohortId),
      this.removals.find({ where: { sessionId }, select: { userId: true } }),
    ]);
    if (!session || !roster) return null;
    const names = await this.users.namesOf([...roster.teacherIds, ...roster.traineeIds]);
    return {
      session,
      joinWindowMs: this.config.get('JOIN_WINDOW_MINUTES') * 60_000,
      centreId: roster.centreId,
      capacity: roster.capacity,
      teachers: new Set(roster.teacherIds),
      trainees: new Set(roster.traineeIds),
      removed: new Set(removals.map((r) => r.userId)),
      names,
    };
  }
}
