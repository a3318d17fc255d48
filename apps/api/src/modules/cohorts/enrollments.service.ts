import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, Repository } from 'typeorm';
import type { AuthUser } from '@/core/auth/auth-user';
import { UnknownReferenceError } from '@/core/errors/domain-error';
import { Page, pageWindow } from '@/core/http/pagination';
import type { UserDto } from '@/modules/identity/dto/user.dto';
import { UsersService } from '@/modules/identity/users.service';
import { CohortAccessService } from './cohort-access.service';
import { CohortPolicy } from './cohort-policy';
import {
  AlreadyEnrolledError,
  BothUserIdAndEmailError,
  NotEnrollableError,
  NotTraineeError,
} from './cohorts.errors';
import { EnrollDto, EnrollmentDto, ListEnrollmentsQueryDto, WithdrawalDto } from './dto/enrollment.dto';
import { mayEnroll } from './enrollment-eligibility';
import { EnrollmentEntity } from './enrollment.entity';
import { RosterService } from './roster.service';

@Injectable()
export class EnrollmentsService {
  constructor(
    @InjectRepository(EnrollmentEntity) private readonly enrollments: Repository<EnrollmentEntity>,
    private readonly dataSource: DataSource,
    private readonly policy: CohortPolicy,
    private readonly users: UsersService,
    private readonly roster: RosterService,
    private readonly access: CohortAccessService,
  ) {}

  /**
   * Enrolls a trainee, active while places remain and waitlisted after. An unknown e-mail becomes
   * an invited trainee of the cohort's centre, in the same transaction. A withdrawn person who is
   * enrolled again comes back (at the end of the line when the cohort is full).
   */
  async enroll(cohortId: string, dto: EnrollDto, actor: AuthUser): Promise<EnrollmentDto> {
    const cohort = await this.policy.require(cohortId, actor, 'manage', 'enroll people');
    if (dto.userId && dto.email) throw new BothUserIdAndEmailError();
    // A known user is read before the transaction: inside it, a second pool connection per request
    // could starve the pool when hundreds of enrollments arrive at once.
    const known = dto.userId ? await this.knownUser(dto.userId, actor) : undefined;
    const userId = await this.dataSource.transaction(async (manager) => {
      const user =
        known ??
        (
          await this.users.findOrInviteTrainees(
            [
              {
                email: dto.email as string,
                fullName: dto.fullName as string,
                locale: dto.locale,
                timeZone: dto.timeZone,
              },
            ],
            cohort.centreId,
            manager,
          )
        ).users[0];
      if (!mayEnroll(user, cohort.centreId, actor)) throw refusal(actor);
      const [placement] = await this.roster.add(
        cohortId,
        [user.id],
        { actorId: actor.id, data: { via: 'single' } },
        manager,
      );
      if (placement.status === 'skipped') throw new AlreadyEnrolledError();
      return user.id;
    });
    return EnrollmentDto.from(
      await this.enrollments.findOneOrFail({ where: { cohortId, userId }, relations: { user: true } }),
    );
  }

  /** The roster: active, completed, then the waitlist in order, then the withdrawn. */
  async list(
    cohortId: string,
    query: ListEnrollmentsQueryDto,
    actor: AuthUser,
  ): Promise<Page<EnrollmentDto>> {
    await this.policy.require(cohortId, actor, 'viewRoster', 'see its enrollments');
    const qb = this.enrollments
      .createQueryBuilder('e')
      .innerJoinAndSelect('e.user', 'u')
      .where('e.cohort_id = :cohortId', { cohortId })
      // The statuses sort alphabetically in the order wanted: active, completed, waitlisted, withdrawn.
      .orderBy('e.status', 'ASC')
      .addOrderBy('e.position', 'ASC', 'NULLS LAST')
      .addOrderBy('u.full_name', 'ASC')
      .addOrderBy('e.id', 'ASC');
    if (query.status) qb.andWhere('e.status = :status', { status: query.status });
    if (query.q) {
      const like = `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((w) =>
          w.where('u.full_name ILIKE :like', { like }).orWhere('u.email ILIKE :like', { like }),
        ),
      );
    }
    const { skip, take } = pageWindow(query);
    // One user per enrollment, so offset/limit pages correctly without TypeORM's distinct subquery.
    const [items, total] = await qb.offset(skip).limit(take).getManyAndCount();
    return { items: items.map(EnrollmentDto.from), total };
  }

  async withdraw(
    cohortId: string,
    userId: string,
    reason: string | undefined,
    actor: AuthUser,
  ): Promise<WithdrawalDto> {
    await this.policy.require(cohortId, actor, 'manage', 'withdraw people');
    const promotedUserIds = await this.dataSource.transaction((manager) =>
      this.roster.withdraw(
        cohortId,
        userId,
        { actorId: actor.id, reason: reason ?? null, data: { via: 'single' } },
        manager,
      ),
    );
    await this.access.accessChanged(cohortId);
    return { userId, status: 'withdrawn', promotedUserIds };
  }

  private knownUser(id: string, actor: AuthUser): Promise<UserDto> {
    return this.users.get(id).catch(() => {
      throw actor.role === 'admin' ? new UnknownReferenceError('userId', 'a user') : new NotEnrollableError();
    });
  }
}

/** Admins see everyone, so they learn why; anyone else gets one answer that tells nothing about the person. */
function refusal(actor: AuthUser): Error {
  return actor.role === 'admin' ? new NotTraineeError() : new NotEnrollableError();
}
