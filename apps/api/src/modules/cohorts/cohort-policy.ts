import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ATTENDING_STATUSES, COHORT_VIEWER_STATUSES, type EnrollmentStatus } from '@mre/contracts';
import { Brackets, Repository, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '@/core/auth/auth-user';
import type { SqlParams } from '@/core/database/sql-params';
import type { DomainError } from '@/core/errors/domain-error';
import { CohortEntity } from './cohort.entity';
import {
  CohortNotFoundError,
  NotCohortAdminError,
  NotCohortManagerError,
  NotCohortStaffError,
} from './cohorts.errors';
import { cohortStanding, scheduleCohortIds } from './cohorts.queries';
import { COHORT_VIEWER_SQL } from './enrollment-statuses.sql';

/** How a person relates to a cohort's classes; teaching outranks coordinating, which outranks learning. */
export type CohortRelation = 'admin' | 'teacher' | 'coordinator' | 'trainee';

/** What ties a person to one cohort, as read from its rows. */
export interface CohortTies {
  centreId: string;
  teaches: boolean;
  /** The status of their enrollment in the cohort; null when they were never enrolled. */
  enrollment: EnrollmentStatus | null;
}

/** What the caller may do with a cohort. CohortDto carries it, so that clients do not work it out again. */
export interface CohortPermissions {
  /** Change the cohort's details. */
  edit: boolean;
  /** Enroll and withdraw people, import a CSV. */
  manage: boolean;
  /** See the roster and the certificates issued. */
  viewRoster: boolean;
  issueCertificates: boolean;
  revokeCertificates: boolean;
  /** Put sessions on the cohort's calendar. */
  scheduleSessions: boolean;
}
export type CohortPermission = keyof CohortPermissions;

/** One person's place in one cohort, as CohortPolicy.standing reads it. */
export interface CohortStanding extends CohortTies {
  cohortId: string;
  capacity: number;
  teacherIds: string[];
  relation: CohortRelation | null;
  permissions: CohortPermissions;
}

/**
 * Who may do what in a cohort's classes, by relation. A coordinator who also teaches the cohort acts
 * as its teacher (the relation names one role).
 */
export const CLASS_ACTIONS = {
  /** See the sessions and their recordings, join them. */
  attend: ['admin', 'teacher', 'coordinator', 'trainee'],
  /** Schedule sessions, moderate the room (remove, readmit, mute), record. */
  host: ['admin', 'teacher'],
  /** Reschedule or cancel a session, see and correct its attendance. */
  run: ['admin', 'teacher', 'coordinator'],
  /** Check people in at the centre (hybrid sessions). */
  checkIn: ['admin', 'coordinator'],
} as const satisfies Record<string, readonly CohortRelation[]>;
export type ClassAction = keyof typeof CLASS_ACTIONS;

/** Whether an enrollment of this status takes part in the classes now (ATTENDING_STATUSES). */
export function isAttending(status: EnrollmentStatus | null): boolean {
  return status !== null && ATTENDING_STATUSES.includes(status);
}

/** The person's relation to a cohort of that centre, given whether they teach it and attend its classes. */
export function relationOf(
  ties: { centreId: string; teaches: boolean; attends: boolean },
  actor: AuthUser,
): CohortRelation | null {
  if (actor.role === 'admin') return 'admin';
  if (ties.teaches) return 'teacher';
  if (actor.role === 'coordinator' && actor.centreId === ties.centreId) return 'coordinator';
  return ties.attends ? 'trainee' : null;
}

export function mayInClasses(relation: CohortRelation, action: ClassAction): boolean {
  return (CLASS_ACTIONS[action] as readonly CohortRelation[]).includes(relation);
}

/**
 * Admins see every cohort; coordinators their centre's; anyone the cohorts they teach, or are
 * enrolled in and have not left. `CohortPolicy.whereVisible` is the same rule in SQL.
 */
export function seesCohort(ties: CohortTies, actor: AuthUser): boolean {
  return (
    managesCohort(ties, actor) ||
    ties.teaches ||
    (ties.enrollment !== null && COHORT_VIEWER_STATUSES.includes(ties.enrollment))
  );
}

export function permissionsOf(ties: CohortTies, actor: AuthUser): CohortPermissions {
  const admin = actor.role === 'admin';
  const manage = managesCohort(ties, actor);
  const relation = relationOf({ ...ties, attends: isAttending(ties.enrollment) }, actor);
  return {
    edit: admin,
    manage,
    viewRoster: manage || ties.teaches,
    // Among the cohort's managers, only admins certify (the routes say so with @Roles as well).
    issueCertificates: admin,
    revokeCertificates: admin,
    scheduleSessions: relation !== null && mayInClasses(relation, 'host'),
  };
}

/** Admins, and the coordinator of the cohort's centre. */
function managesCohort(ties: Pick<CohortTies, 'centreId'>, actor: AuthUser): boolean {
  return actor.role === 'admin' || (actor.role === 'coordinator' && actor.centreId === ties.centreId);
}

/** A cohort permission that `require` checks, and the refusal a person who sees the cohort gets without it. */
const REFUSAL: Record<Exclude<CohortPermission, 'scheduleSessions'>, (what: string) => DomainError> = {
  edit: (what) => new NotCohortAdminError(what),
  manage: (what) => new NotCohortManagerError(what),
  viewRoster: (what) => new NotCohortStaffError(what),
  issueCertificates: (what) => new NotCohortAdminError(what),
  revokeCertificates: (what) => new NotCohortAdminError(what),
};

interface StandingRow {
  centre_id: string;
  capacity: number;
  teacher_ids: string[];
  enrollment: EnrollmentStatus | null;
}

/**
 * Who may do what in a cohort: a service method acting on a cohort asks it on its first line. The
 * relation, the visibility (in memory above, and in SQL below) and the permissions are decided here
 * only; the live context maps its refusals to its own errors.
 */
@Injectable()
export class CohortPolicy {
  constructor(@InjectRepository(CohortEntity) private readonly cohorts: Repository<CohortEntity>) {}

  /**
   * null when the cohort does not exist. One round trip (cohort, teachers and the caller's
   * enrollment together): every join answered from PostgreSQL asks it (see bench/README.md).
   */
  async standing(cohortId: string, actor: AuthUser): Promise<CohortStanding | null> {
    const rows: StandingRow[] = await this.cohorts.query(...cohortStanding(cohortId, actor.id));
    const row = rows[0];
    if (!row) return null;
    const ties: CohortTies = {
      centreId: row.centre_id,
      teaches: row.teacher_ids.includes(actor.id),
      enrollment: row.enrollment,
    };
    return {
      ...ties,
      cohortId,
      capacity: row.capacity,
      teacherIds: row.teacher_ids,
      relation: relationOf({ ...ties, attends: isAttending(ties.enrollment) }, actor),
      permissions: permissionsOf(ties, actor),
    };
  }

  /**
   * The caller's standing when they may do `permission` on the cohort: 404 when they cannot see it
   * (they need not learn it exists), 403 when they see it but may not. `what` words the refusal.
   */
  async require(
    cohortId: string,
    actor: AuthUser,
    permission: keyof typeof REFUSAL,
    what: string,
  ): Promise<CohortStanding> {
    const standing = await this.standing(cohortId, actor);
    if (!standing || !seesCohort(standing, actor)) throw new CohortNotFoundError();
    if (!standing.permissions[permission]) throw REFUSAL[permission](what);
    return standing;
  }

  /** Limits a query of cohorts (alias `c`) to those the person sees: `seesCohort` in SQL. */
  whereVisible(qb: SelectQueryBuilder<CohortEntity>, actor: AuthUser): SelectQueryBuilder<CohortEntity> {
    if (actor.role === 'admin') return qb;
    return qb.where(
      new Brackets((w) => {
        w.where(
          'EXISTS (SELECT 1 FROM cohort_teachers ct WHERE ct.cohort_id = c.id AND ct.user_id = :actorId)',
          { actorId: actor.id },
        ).orWhere(
          `EXISTS (SELECT 1 FROM enrollments e WHERE e.cohort_id = c.id AND e.user_id = :actorId AND e.status IN ${COHORT_VIEWER_SQL})`,
        );
        if (actor.role === 'coordinator' && actor.centreId)
          w.orWhere('c.centre_id = :centreId', { centreId: actor.centreId });
      }),
    );
  }

  /**
   * SQL selecting the `cohort_id`s whose sessions appear in the person's schedule ('all' for
   * admins), its parameters taken from `params`: the schedule reads it as part of its own statement, so
   * that a schedule is one round trip. A trainee's or expert's cohorts are read from their own
   * enrollment and teacher rows (indexed by user), not tested against every cohort. A trainee's
   * schedule keeps the sessions of a completed enrollment (BENEFICIARY_STATUSES).
   */
  scheduleCohorts(actor: AuthUser, params: SqlParams): string | 'all' {
    return scheduleCohortIds(actor, params);
  }
}
