import type { AuthUser } from '@/core/auth/auth-user';
import type { DomainError } from '@/core/errors/domain-error';
import { relationOf, type CohortRelation } from '@/modules/cohorts/cohort-policy';
import type { LiveSessionEntity } from './live-session.entity';
import {
  JoinWindowNotOpenError,
  NotInCohortError,
  RemovedFromRoomError,
  SessionEndedError,
} from './live.errors';

/** Room for the cohort's observers (coordinator, admins) and the recorder on top of its places. */
const EXTRA_PARTICIPANTS = 10;

/**
 * What decides who may enter a session's room, and when. A copy in memory (JoinContexts) holds it
 * for the whole cohort; read from PostgreSQL for one person, the sets name at most that person.
 */
export interface JoinRules {
  session: Pick<LiveSessionEntity, 'status' | 'startsAt' | 'endsAt'>;
  /** How long before the start the room opens. */
  joinWindowMs: number;
  centreId: string;
  capacity: number;
  teachers: ReadonlySet<string>;
  /** The cohort's attending trainees (ATTENDING_STATUSES). */
  trainees: ReadonlySet<string>;
  /** People a host removed from this session's room. */
  removed: ReadonlySet<string>;
}

export type JoinRefusal =
  { reason: 'not-in-cohort' | 'cancelled' | 'ended' | 'removed' } | { reason: 'too-early'; opensAt: Date };

export type JoinDecision =
  { admitted: true; relation: CohortRelation; roomSize: number } | ({ admitted: false } & JoinRefusal);

/**
 * The join admission: the person's relation to the cohort, the session's join window, then the
 * removals, in that order. The room's size (its participant limit, should the join create it) is
 * the cohort's places, its teachers and a margin for observers and the recorder.
 */
export function admit(rules: JoinRules, actor: AuthUser, now: number): JoinDecision {
  const relation = relationOf(
    {
      centreId: rules.centreId,
      teaches: rules.teachers.has(actor.id),
      attends: rules.trainees.has(actor.id),
    },
    actor,
  );
  if (!relation) return { admitted: false, reason: 'not-in-cohort' };
  const { session } = rules;
  if (session.status === 'cancelled') return { admitted: false, reason: 'cancelled' };
  if (now >= session.endsAt.getTime()) return { admitted: false, reason: 'ended' };
  const opensAt = session.startsAt.getTime() - rules.joinWindowMs;
  if (now < opensAt) return { admitted: false, reason: 'too-early', opensAt: new Date(opensAt) };
  if (rules.removed.has(actor.id)) return { admitted: false, reason: 'removed' };
  return {
    admitted: true,
    relation,
    roomSize: rules.capacity + rules.teachers.size + EXTRA_PARTICIPANTS,
  };
}

/** The error a refused join answers with. */
export function refusalError(refusal: JoinRefusal): DomainError {
  switch (refusal.reason) {
    case 'not-in-cohort':
      return new NotInCohortError();
    case 'cancelled':
    case 'ended':
      return new SessionEndedError(refusal.reason);
    case 'too-early':
      return new JoinWindowNotOpenError(refusal.opensAt);
    case 'removed':
      return new RemovedFromRoomError();
  }
}
