import { Injectable } from '@nestjs/common';
import { ATTENDING_STATUSES, BENEFICIARY_STATUSES } from '@mre/contracts';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { VersionStamps } from '@/core/redis/version-stamps';
import { CohortEntity } from './cohort.entity';
import type { AuthUser } from '@/core/auth/auth-user';
import { cohortRoster, enrolledCourseIds, followsCourse } from './cohorts.queries';
import { EnrollmentEntity } from './enrollment.entity';

/** Who is in a cohort, for callers that keep it in memory (see `accessStamp`). */
export interface CohortRoster {
  cohortId: string;
  centreId: string;
  capacity: number;
  teacherIds: string[];
  /** Attending trainees (ATTENDING_STATUSES). */
  traineeIds: string[];
}

/**
 * Answers who is in a cohort, for the contexts that hang off cohorts (live sessions, attendance,
 * certification); what each may do there is CohortPolicy's to say.
 */
@Injectable()
export class CohortAccessService {
  constructor(
    @InjectRepository(CohortEntity) private readonly cohorts: Repository<CohortEntity>,
    @InjectRepository(EnrollmentEntity) private readonly enrollments: Repository<EnrollmentEntity>,
    private readonly stamps: VersionStamps,
  ) {}

  /** The cohort's teachers and attending trainees; null when the cohort does not exist. */
  async roster(cohortId: string): Promise<CohortRoster | null> {
    const rows: { centre_id: string; capacity: number; teacher_ids: string[]; trainee_ids: string[] }[] =
      await this.cohorts.query(...cohortRoster(cohortId));
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
   * Whether the person sees a cohort of the course, and so its content (the course's files): an
   * admin, a teacher, an enrolled trainee who has not left, or the coordinator of a cohort's centre.
   */
  async followsCourse(courseId: string, actor: AuthUser): Promise<boolean> {
    if (actor.role === 'admin') return true;
    const [row]: { follows: boolean }[] = await this.cohorts.query(...followsCourse(courseId, actor));
    return row?.follows === true;
  }

  /** The cohort's name, as its people know it; null when the cohort does not exist. */
  async nameOf(cohortId: string): Promise<string | null> {
    const cohort = await this.cohorts.findOne({ where: { id: cohortId }, select: { id: true, name: true } });
    return cohort?.name ?? null;
  }

  /** The course the cohort runs; null when the cohort does not exist. */
  async courseIdOf(cohortId: string): Promise<string | null> {
    const cohort = await this.cohorts.findOne({
      where: { id: cohortId },
      select: { id: true, courseId: true },
    });
    return cohort?.courseId ?? null;
  }

  /** The courses of the cohorts the person is enrolled in and has not left. */
  async enrolledCourseIds(userId: string): Promise<string[]> {
    const rows: { courseId: string }[] = await this.cohorts.query(...enrolledCourseIds(userId));
    return rows.map((r) => r.courseId);
  }

  /** The trainees taking part in the cohort's classes now (ATTENDING_STATUSES). */
  async attendingTraineeIds(cohortId: string): Promise<string[]> {
    const rows = await this.enrollments.find({
      where: { cohortId, status: In([...ATTENDING_STATUSES]) },
      select: { userId: true },
    });
    return rows.map((r) => r.userId);
  }

  /** People enrolled for good (BENEFICIARY_STATUSES): the beneficiaries, and who may be certified. */
  async enrolledIds(cohortId: string): Promise<string[]> {
    const rows = await this.enrollments.find({
      where: { cohortId, status: In([...BENEFICIARY_STATUSES]) },
      select: { userId: true },
    });
    return rows.map((r) => r.userId);
  }

  /** Everyone expected in the cohort's classes: its attending trainees and its teachers. */
  async attendeeIds(cohortId: string): Promise<string[]> {
    const teachers = await this.cohorts
      .createQueryBuilder()
      .select('t.user_id', 'id')
      .from('cohort_teachers', 't')
      .where('t.cohort_id = :cohortId', { cohortId })
      .getRawMany<{ id: string }>();
    return [...new Set([...(await this.attendingTraineeIds(cohortId)), ...teachers.map((t) => t.id)])];
  }
}
