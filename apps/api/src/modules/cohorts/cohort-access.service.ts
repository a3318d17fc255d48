import { Injectable } from '@nestjs/common';
import { BENEFICIARY_STATUSES } from '@mre/contracts';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { AuthUser } from '../../core/auth/auth-user';
import { VersionStamps } from '../../core/redis/version-stamps';
import { CohortEntity } from './cohort.entity';
import { BENEFICIARY_SQL, EnrollmentEntity } from './enrollment.entity';

/** How a person relates to a cohort; teaching outranks coordinating, which outranks learning. */
export type CohortRelation = 'admin' | 'teacher' | 'coordinator' | 'trainee';

interface MembershipRow {
  id: string;
  name: string;
  centre_id: string;
  capacity: number;
  teacher_ids: string[];
  enrolled: boolean;
}

/** Who is in a cohort, for callers that keep it in memory (see `accessStamp`). */
export interface CohortRoster {
  cohortId: string;
  centreId: string;
  capacity: number;
  teacherIds: string[];
  /** Active enrollments. */
  traineeIds: string[];
}

export interface CohortMembership {
  cohortId: string;
  cohortName: string;
  centreId: string;
  capacity: number;
  teacherIds: string[];
  relation: CohortRelation | null;
}

/** Answers who belongs to a cohort, for the contexts that hang off cohorts (live sessions, attendance). */
@Injectable()
export class CohortAccessService {
  constructor(
    @InjectRepository(CohortEntity) private readonly cohorts: Repository<CohortEntity>,
    @InjectRepository(EnrollmentEntity) private readonly enrollments: Repository<EnrollmentEntity>,
    private readonly stamps: VersionStamps,
  ) {}

  /**
   * null when the cohort does not exist. One round trip (cohort, teachers and the caller's active
   * enrollment together): every join at a class start asks it (see bench/README.md).
   */
  async membership(cohortId: string, actor: AuthUser): Promise<CohortMembership | null> {
    const rows: MembershipRow[] = await this.cohorts.query(
      `SELECT c.id, c.name, c.centre_id, c.capacity,
              ARRAY(SELECT t.user_id::text FROM cohort_teachers t WHERE t.cohort_id = c.id) AS teacher_ids,
              EXISTS (SELECT 1 FROM enrollments e WHERE e.cohort_id = c.id AND e.user_id = $2 AND e.status = 'active') AS enrolled
       FROM cohorts c WHERE c.id = $1`,
      [cohortId, actor.id],
    );
    const cohort = rows[0];
    if (!cohort) return null;
    return {
      cohortId: cohort.id,
      cohortName: cohort.name,
      centreId: cohort.centre_id,
      capacity: cohort.capacity,
      teacherIds: cohort.teacher_ids,
      relation: relationOf(cohort.centre_id, cohort.teacher_ids.includes(actor.id), cohort.enrolled, actor),
    };
  }

  /** The cohort's teachers and active trainees; null when the cohort does not exist. */
  async roster(cohortId: string): Promise<CohortRoster | null> {
    const rows: { centre_id: string; capacity: number; teacher_ids: string[]; trainee_ids: string[] }[] =
      await this.cohorts.query(
        `SELECT c.centre_id, c.capacity,
              ARRAY(SELECT t.user_id::text FROM cohort_teachers t WHERE t.cohort_id = c.id) AS teacher_ids,
              ARRAY(SELECT e.user_id::text FROM enrollments e WHERE e.cohort_id = c.id AND e.status = 'active') AS trainee_ids
       FROM cohorts c WHERE c.id = $1`,
        [cohortId],
      );
    const row = rows[0];
    return row
      ? {
          cohortId,
          centreId: row.centre_id,
          capacity: row.capacity,
          teacherIds: row.teacher_ids,
          traineeIds: row.trainee_ids,
        }
      : null;
  }

  /**
   * A stamp that changes whenever who may enter the cohort's classes, or when, may have changed: a
   * copy of the roster (or of a session's join rules) loaded under a stamp is good while it is
   * still the stamp. Null when the stamps cannot be read; then no copy may be trusted.
   */
  accessStamp(cohortId: string): Promise<string | null> {
    return this.stamps.read(`cohort-access:${cohortId}`);
  }

  /** Outdates every copy: call after committing a withdrawal, a teacher change, a session change or a removal. */
  accessChanged(cohortId: string): Promise<void> {
    return this.stamps.bump(`cohort-access:${cohortId}`);
  }

  /**
   * SQL selecting the `cohort_id`s whose sessions appear in the person's schedule ('all' for
   * admins), with its parameters as `$1`…: the schedule reads it as part of its own statement, so
   * that a schedule is one round trip. A trainee's or expert's cohorts are read from their own
   * enrollment and teacher rows (indexed by user), not tested against every cohort.
   */
  scheduleCohorts(actor: AuthUser): { sql: string; params: unknown[] } | 'all' {
    if (actor.role === 'admin') return 'all';
    if (actor.role === 'coordinator')
      return {
        sql: 'SELECT c.id AS cohort_id FROM cohorts c WHERE c.centre_id = $1',
        params: [actor.centreId ?? null],
      };
    const taught = 'SELECT t.cohort_id FROM cohort_teachers t WHERE t.user_id = $1';
    const sql =
      actor.role === 'expert'
        ? taught
        : `SELECT e.cohort_id FROM enrollments e WHERE e.user_id = $1 AND e.status IN ${BENEFICIARY_SQL} UNION ${taught}`;
    return { sql, params: [actor.id] };
  }

  /** People holding a place in the cohort (active enrollments). */
  async activeMemberIds(cohortId: string): Promise<string[]> {
    const rows = await this.enrollments.find({
      where: { cohortId, status: 'active' },
      select: { userId: true },
    });
    return rows.map((r) => r.userId);
  }

  /** People enrolled for good: active or completed (the beneficiaries, and who may be certified). */
  async enrolledIds(cohortId: string): Promise<string[]> {
    const rows = await this.enrollments.find({
      where: { cohortId, status: In([...BENEFICIARY_STATUSES]) },
      select: { userId: true },
    });
    return rows.map((r) => r.userId);
  }

  /** Everyone expected in the cohort's classes: its active trainees and its teachers. */
  async attendeeIds(cohortId: string): Promise<string[]> {
    const teachers = await this.cohorts
      .createQueryBuilder()
      .select('t.user_id', 'id')
      .from('cohort_teachers', 't')
      .where('t.cohort_id = :cohortId', { cohortId })
      .getRawMany<{ id: string }>();
    return [...new Set([...(await this.activeMemberIds(cohortId)), ...teachers.map((t) => t.id)])];
  }
}

/** The person's relation to a cohort of that centre, given whether they teach it or hold an active place. */
export function relationOf(
  centreId: string,
  teaches: boolean,
  enrolled: boolean,
  actor: AuthUser,
): CohortRelation | null {
  if (actor.role === 'admin') return 'admin';
  if (teaches) return 'teacher';
  if (actor.role === 'coordinator' && actor.centreId === centreId) return 'coordinator';
  return enrolled ? 'trainee' : null;
}
