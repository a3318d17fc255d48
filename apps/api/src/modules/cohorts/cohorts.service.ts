import { Injectable } from '@nestjs/common';
import type { CohortKind, LocalizedText } from '@mre/contracts';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '@/core/auth/auth-user';
import { AppConfig } from '@/core/config/app-config';
import { UnknownReferenceError } from '@/core/errors/domain-error';
import { Page, pageWindow } from '@/core/http/pagination';
import { AuditService } from '@/modules/audit/audit.service';
import { CertifiedTrainersService } from '@/modules/certification/certified-trainers.service';
import { CoursesService } from '@/modules/catalog/courses.service';
import type { UserEntity } from '@/modules/identity/user.entity';
import { UsersService } from '@/modules/identity/users.service';
import { OrganizationsService } from '@/modules/organizations/organizations.service';
import { CohortAccessService } from './cohort-access.service';
import { CohortPolicy, permissionsOf } from './cohort-policy';
import { CohortEntity } from './cohort.entity';
import {
  CapacityBelowEnrolledError,
  CohortNotFoundError,
  DatesOutOfOrderError,
  NotTeachersError,
} from './cohorts.errors';
import {
  CohortCountsDto,
  CohortDto,
  CreateCohortDto,
  ListCohortsQueryDto,
  MyEnrollmentDto,
  UpdateCohortDto,
} from './dto/cohort.dto';
import { removeCurrentTeaching } from './cohorts.queries';
import { BENEFICIARY_SQL } from './enrollment-statuses.sql';
import { EnrollmentEntity } from './enrollment.entity';
import { RosterService } from './roster.service';

/** A cohort as the certificates of its people describe it. */
export interface CohortFacts {
  id: string;
  name: string;
  kind: CohortKind;
  minAttendancePercent: number;
  requiresFinalQuizPass: boolean;
  courseTitle: LocalizedText;
  courseHours: number;
  networkId: string;
  centreName: string;
}

/** Cohorts, and who may see and run them. */
@Injectable()
export class CohortsService {
  constructor(
    @InjectRepository(CohortEntity) private readonly cohorts: Repository<CohortEntity>,
    @InjectRepository(EnrollmentEntity) private readonly enrollments: Repository<EnrollmentEntity>,
    private readonly dataSource: DataSource,
    private readonly courses: CoursesService,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
    private readonly roster: RosterService,
    private readonly audit: AuditService,
    private readonly certifiedTrainers: CertifiedTrainersService,
    private readonly access: CohortAccessService,
    private readonly policy: CohortPolicy,
    private readonly config: AppConfig,
  ) {}

  async create(dto: CreateCohortDto, actor: AuthUser): Promise<CohortDto> {
    await this.assertReferences(dto, actor);
    assertDates(dto.startsOn, dto.endsOn);
    const { teacherIds, ...fields } = dto;
    const id = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(CohortEntity, {
          ...fields,
          minAttendancePercent: dto.minAttendancePercent ?? 80,
          requiresFinalQuizPass: dto.requiresFinalQuizPass ?? false,
          teachers: asUsers(teacherIds),
        }),
      );
      await this.audit.record(
        [
          {
            actorId: actor.id,
            action: 'cohort.created',
            entityType: 'cohort',
            entityId: saved.id,
            data: { ...dto },
          },
        ],
        manager,
      );
      return saved.id;
    });
    return this.get(id, actor);
  }

  /** Changes the cohort; a larger capacity promotes the first waitlisted into the new places. */
  async update(id: string, dto: UpdateCohortDto, actor: AuthUser): Promise<CohortDto> {
    await this.policy.require(id, actor, 'edit', 'change a cohort');
    await this.assertReferences(dto, actor);
    await this.dataSource.transaction(async (manager) => {
      const cohort = await this.roster.lock(id, manager);
      const { teacherIds, ...fields } = dto;
      this.cohorts.merge(cohort, fields);
      assertDates(cohort.startsOn, cohort.endsOn);
      const { taken } = await this.roster.occupancy(id, manager);
      if (cohort.capacity < taken) throw new CapacityBelowEnrolledError(taken);
      if (teacherIds) cohort.teachers = asUsers(teacherIds);
      await manager.save(cohort);
      await this.audit.record(
        [
          {
            actorId: actor.id,
            action: 'cohort.updated',
            entityType: 'cohort',
            entityId: id,
            data: { ...dto },
          },
        ],
        manager,
      );
      await this.roster.fillFreePlaces(cohort, { actorId: actor.id, reason: 'capacity changed' }, manager);
    });
    await this.access.accessChanged(id);
    return this.get(id, actor);
  }

  async list(query: ListCohortsQueryDto, actor: AuthUser): Promise<Page<CohortDto>> {
    const qb = this.withDetails(this.visible(actor))
      .orderBy('c.starts_on', 'DESC')
      .addOrderBy('c.name', 'ASC')
      .addOrderBy('c.id', 'ASC');
    if (query.courseId) qb.andWhere('c.course_id = :courseId', { courseId: query.courseId });
    if (query.centreId) qb.andWhere('c.centre_id = :centreId', { centreId: query.centreId });
    if (query.kind) qb.andWhere('c.kind = :kind', { kind: query.kind });
    if (query.q)
      qb.andWhere('c.name ILIKE :like', { like: `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    const { skip, take } = pageWindow(query);
    const [items, total] = await qb.skip(skip).take(take).getManyAndCount();
    const ids = items.map((c) => c.id);
    const [counts, mine] = await Promise.all([this.counts(ids), this.enrollmentsOf(actor.id, ids)]);
    return { items: items.map((c) => this.toDto(c, counts, mine.get(c.id) ?? null, actor)), total };
  }

  async get(id: string, actor: AuthUser): Promise<CohortDto> {
    const cohort = await this.withDetails(this.visible(actor)).andWhere('c.id = :id', { id }).getOne();
    if (!cohort) throw new CohortNotFoundError();
    const [counts, mine] = await Promise.all([this.counts([id]), this.enrollmentsOf(actor.id, [id])]);
    return this.toDto(cohort, counts, mine.get(id) ?? null, actor);
  }

  /**
   * Teachers are diaspora experts, or (the train-the-trainer cascade) people holding a valid
   * certificate of a `trainers` cohort.
   */
  async assertTeachers(ids: string[]): Promise<void> {
    const notExperts = await this.users.withoutRole(ids, 'expert');
    const certified = await this.certifiedTrainers.certifiedAmong(notExperts);
    const refused = notExperts.filter((id) => !certified.has(id));
    if (refused.length > 0) throw new NotTeachersError(refused);
  }

  /** What a certificate of the cohort states, without access checks (for the certification worker). */
  async facts(id: string): Promise<CohortFacts> {
    const cohort = await this.withDetails(this.cohorts.createQueryBuilder('c'))
      .andWhere('c.id = :id', { id })
      .getOne();
    if (!cohort?.course || !cohort.centre) throw new CohortNotFoundError();
    return {
      id: cohort.id,
      name: cohort.name,
      kind: cohort.kind,
      minAttendancePercent: cohort.minAttendancePercent,
      requiresFinalQuizPass: cohort.requiresFinalQuizPass,
      courseTitle: cohort.course.title,
      courseHours: cohort.course.durationHours,
      networkId: cohort.course.networkId,
      centreName: cohort.centre.name,
    };
  }

  private visible(actor: AuthUser): SelectQueryBuilder<CohortEntity> {
    return this.policy.whereVisible(this.cohorts.createQueryBuilder('c'), actor);
  }

  /** The cohort must be loaded with its teachers; `mine` is the caller's own enrollment. */
  private toDto(
    cohort: CohortEntity,
    counts: Map<string, CohortCountsDto>,
    mine: MyEnrollmentDto | null,
    actor: AuthUser,
  ): CohortDto {
    const ties = {
      centreId: cohort.centreId,
      teaches: (cohort.teachers ?? []).some((t) => t.id === actor.id),
      enrollment: mine?.status ?? null,
    };
    return CohortDto.from(
      cohort,
      counts.get(cohort.id) ?? { enrolled: 0, waitlisted: 0 },
      mine,
      permissionsOf(ties, actor),
    );
  }

  private withDetails(qb: SelectQueryBuilder<CohortEntity>): SelectQueryBuilder<CohortEntity> {
    return qb
      .leftJoinAndSelect('c.course', 'course')
      .leftJoinAndSelect('c.centre', 'centre')
      .leftJoinAndSelect('c.teachers', 'teacher');
  }

  /** The person's own enrollment in each of these cohorts, for "My courses". */
  private async enrollmentsOf(userId: string, ids: string[]): Promise<Map<string, MyEnrollmentDto>> {
    if (ids.length === 0) return new Map();
    const rows = await this.enrollments.find({
      where: { userId, cohortId: In(ids) },
      select: { cohortId: true, status: true, position: true },
    });
    return new Map(rows.map((r) => [r.cohortId, { status: r.status, position: r.position }]));
  }

  private async counts(ids: string[]): Promise<Map<string, CohortCountsDto>> {
    if (ids.length === 0) return new Map();
    const rows: { cohortId: string; enrolled: number; waitlisted: number }[] = await this.enrollments
      .createQueryBuilder('e')
      .select('e.cohort_id', 'cohortId')
      .addSelect(`count(*) FILTER (WHERE e.status IN ${BENEFICIARY_SQL})::int`, 'enrolled')
      .addSelect("count(*) FILTER (WHERE e.status = 'waitlisted')::int", 'waitlisted')
      .where('e.cohort_id IN (:...ids)', { ids })
      .groupBy('e.cohort_id')
      .getRawMany();
    return new Map(rows.map((r) => [r.cohortId, { enrolled: r.enrolled, waitlisted: r.waitlisted }]));
  }

  private async assertReferences(
    dto: UpdateCohortDto & { courseId?: string },
    actor: AuthUser,
  ): Promise<void> {
    if (dto.courseId) {
      await this.courses.get(dto.courseId, actor).catch(() => {
        throw new UnknownReferenceError('courseId', 'a course');
      });
    }
    if (dto.centreId) {
      await this.organizations.getCentre(dto.centreId).catch(() => {
        throw new UnknownReferenceError('centreId', 'a centre');
      });
    }
    if (dto.teacherIds) await this.assertTeachers(dto.teacherIds);
  }

  /**
   * A revoked `trainers` certificate takes back the teaching it allowed: unless the person is an
   * expert or still holds another valid one, they stop teaching the cohorts that have not ended
   * (those that have keep their history), each removal audited. Answers the cohorts concerned.
   */
  async withdrawCertifiedTeacher(
    userId: string,
    actorId: string,
    reason: string,
    manager: EntityManager,
  ): Promise<string[]> {
    const [person] = await this.users.getMany([userId]);
    if (!person || person.role === 'expert') return [];
    if ((await this.certifiedTrainers.certifiedAmong([userId], manager)).has(userId)) return [];
    const today = DateTime.now().setZone(this.config.get('PROGRAMME_TIME_ZONE')).toISODate() as string;
    // TypeORM answers a DELETE … RETURNING as [rows, count].
    const [removed]: [{ cohort_id: string }[], number] = await manager.query(
      ...removeCurrentTeaching(userId, today),
    );
    const cohortIds = removed.map((row) => row.cohort_id);
    await this.audit.record(
      cohortIds.map((cohortId) => ({
        actorId,
        action: 'cohort.teacher-removed',
        entityType: 'cohort',
        entityId: cohortId,
        reason,
        data: { userId },
      })),
      manager,
    );
    return cohortIds;
  }
}

function assertDates(startsOn: string, endsOn: string): void {
  // YYYY-MM-DD strings compare in calendar order.
  if (endsOn < startsOn) throw new DatesOutOfOrderError();
}

function asUsers(ids: string[]): UserEntity[] {
  return ids.map((id) => ({ id }) as UserEntity);
}
