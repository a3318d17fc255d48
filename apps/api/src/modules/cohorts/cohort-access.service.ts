import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import type { AuthUser } from '../../core/auth/auth-user';
import { CohortEntity } from './cohort.entity';
import { EnrollmentEntity } from './enrollment.entity';

/** How a person relates to a cohort; teaching outranks coordinating, which outranks learning. */
export type CohortRelation = 'admin' | 'teacher' | 'coordinator' | 'trainee';

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
  ) {}

  /** null when the cohort does not exist. */
  async membership(cohortId: string, actor: AuthUser): Promise<CohortMembership | null> {
    const cohort = await this.cohorts.findOne({ where: { id: cohortId }, relations: { teachers: true } });
    if (!cohort) return null;
    const teacherIds = (cohort.teachers ?? []).map((t) => t.id);
    return {
      cohortId: cohort.id,
      cohortName: cohort.name,
      centreId: cohort.centreId,
      capacity: cohort.capacity,
      teacherIds,
      relation: await this.relationOf(cohort, teacherIds, actor),
    };
  }

  /** The cohorts whose sessions appear in the person's schedule; 'all' for admins. */
  async scheduleCohortIds(actor: AuthUser): Promise<string[] | 'all'> {
    if (actor.role === 'admin') return 'all';
    const qb = this.cohorts.createQueryBuilder('c').select('c.id', 'id');
    if (actor.role === 'coordinator') qb.where('c.centre_id = :centreId', { centreId: actor.centreId });
    else if (actor.role === 'expert') qb.where('EXISTS (SELECT 1 FROM cohort_teachers t WHERE t.cohort_id = c.id AND t.user_id = :id)', { id: actor.id });
    else
      qb.where(
        new Brackets((w) =>
          w
            .where("EXISTS (SELECT 1 FROM enrollments e WHERE e.cohort_id = c.id AND e.user_id = :id AND e.status IN ('active','completed'))", { id: actor.id })
            .orWhere('EXISTS (SELECT 1 FROM cohort_teachers t WHERE t.cohort_id = c.id AND t.user_id = :id)'),
        ),
      );
    return (await qb.getRawMany<{ id: string }>()).map((r) => r.id);
  }

  /** People holding a place in the cohort (active enrollments). */
  async activeMemberIds(cohortId: string): Promise<string[]> {
    const rows = await this.enrollments.find({ where: { cohortId, status: 'active' }, select: { userId: true } });
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

  private async relationOf(cohort: CohortEntity, teacherIds: string[], actor: AuthUser): Promise<CohortRelation | null> {
    if (actor.role === 'admin') return 'admin';
    if (teacherIds.includes(actor.id)) return 'teacher';
    if (actor.role === 'coordinator' && actor.centreId === cohort.centreId) return 'coordinator';
    const enrolled = await this.enrollments.exists({ where: { cohortId: cohort.id, userId: actor.id, status: 'active' } });
    return enrolled ? 'trainee' : null;
  }
}
