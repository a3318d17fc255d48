import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE, type Locale } from '@mre/contracts';
import { Brackets, DataSource, EntityManager, In, IsNull, Repository } from 'typeorm';
import type { AuthUser } from '@/core/auth/auth-user';
import { ForbiddenError, NotFoundError } from '@/core/errors/domain-error';
import { Page, pageWindow } from '@/core/http/pagination';
import { isUniqueViolation } from '@/core/database/postgres-errors';
import { AccessRevocations } from '@/core/redis/access-revocations';
import { AuditService } from '@/modules/audit/audit.service';
import { AccountActor, recordAccountEvent } from './account-audit';
import { OrganizationsService } from '@/modules/organizations/organizations.service';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQueryDto } from './dto/list-users-query.dto';
import { UpdateMeDto } from './dto/update-me.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserDto } from './dto/user.dto';
import {
  EmailTakenError,
  InvitationPendingError,
  LegalNameLockedError,
  NotExpertsError,
  UnknownOrganizationError,
  UserErasedError,
  UserNotInvitedError,
} from './identity.errors';
import { InvitationService } from './invitation.service';
import { hashPassword } from './password-hasher';
import { assertAcceptablePassword } from './password-policy';
import { RefreshTokenEntity } from './refresh-token.entity';
import { UserEntity } from './user.entity';

class UserNotFoundError extends NotFoundError {
  readonly code = 'user-not-found';

  constructor() {
    super('User');
  }
}

class NotCoordinatorsTraineeError extends ForbiddenError {
  constructor() {
    super("A coordinator invites again only their own centre's trainees");
  }
}

/**
 * The fields of a user whose changes are audited with their values before and after (the legal
 * name has its own event, `user.legal-name-changed`).
 */
const AUDITED_FIELDS = ['role', 'status', 'centreId', 'networkId', 'locale', 'timeZone'] as const;

/** Someone to enroll by e-mail: found when the address is known, else invited as a trainee. */
export interface TraineeToInvite {
  email: string;
  fullName: string;
  locale?: Locale;
  timeZone?: string;
}

export interface FoundOrInvited {
  /** The users of the given e-mails, in the order asked. */
  users: UserDto[];
  /** The ids of those who did not exist and were invited now. */
  invitedIds: Set<string>;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly invitations: InvitationService,
    private readonly audit: AuditService,
    private readonly revocations: AccessRevocations,
  ) {}

  /** Creates an active user when a password is given, else an invited one who gets the e-mail. */
  async create(dto: CreateUserDto, actor: AccountActor = { id: null }): Promise<UserDto> {
    await this.assertOrganizationsExist(dto);
    if (dto.password) assertAcceptablePassword(dto.password);
    const passwordHash = dto.password ? await hashPassword(dto.password) : null;
    try {
      const user = await this.dataSource.transaction(async (manager) => {
        const created = await manager.save(
          manager.create(UserEntity, {
            email: dto.email.trim().toLowerCase(),
            fullName: dto.fullName.trim(),
            role: dto.role,
            status: passwordHash ? 'active' : 'invited',
            passwordHash,
            locale: dto.locale ?? DEFAULT_LOCALE,
            timeZone: dto.timeZone ?? DEFAULT_TIME_ZONE,
            networkId: dto.networkId ?? null,
            centreId: dto.centreId ?? null,
          }),
        );
        if (!passwordHash) await this.invitations.invite(created, manager);
        await recordAccountEvent(
          this.audit,
          'user.created',
          created.id,
          actor,
          {
            role: created.role,
            status: created.status,
            centreId: created.centreId,
            networkId: created.networkId,
          },
          manager,
        );
        return created;
      });
      return UserDto.from(user);
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailTakenError();
      throw error;
    }
  }

  async list(query: ListUsersQueryDto, actor: AuthUser): Promise<Page<UserDto>> {
    const qb = this.users.createQueryBuilder('u').orderBy('u.full_name', 'ASC').addOrderBy('u.id', 'ASC');
    if (actor.role === 'coordinator') qb.andWhere('u.centre_id = :centreId', { centreId: actor.centreId });
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.status) qb.andWhere('u.status = :status', { status: query.status });
    if (query.centreId) qb.andWhere('u.centre_id = :filterCentreId', { filterCentreId: query.centreId });
    if (query.networkId) qb.andWhere('u.network_id = :networkId', { networkId: query.networkId });
    if (query.q) {
      const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((w) =>
          w.where('u.full_name ILIKE :like', { like }).orWhere('u.email ILIKE :like', { like }),
        ),
      );
    }
    const { skip, take } = pageWindow(query);
    const [items, total] = await qb.skip(skip).take(take).getManyAndCount();
    return { items: items.map(UserDto.from), total };
  }

  async get(id: string): Promise<UserDto> {
    const user = await this.users.findOne({ where: { id } });
    if (!user) throw new UserNotFoundError();
    return UserDto.from(user);
  }

  /** The users of these ids that exist, in no particular order. */
  /** With the caller's manager, people invited in its transaction are found too. */
  async getMany(ids: string[], manager?: EntityManager): Promise<UserDto[]> {
    if (ids.length === 0) return [];
    const users = manager ? manager.getRepository(UserEntity) : this.users;
    return (await users.find({ where: { id: In(ids) } })).map(UserDto.from);
  }

  /** Full names by id, of the ids that name a user. */
  async namesOf(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    // One array parameter rather than an IN list: a class start may ask for a large cohort's names.
    const rows = await this.users
      .createQueryBuilder('u')
      .select(['u.id', 'u.fullName'])
      .where('u.id = ANY(:ids)', { ids })
      .getMany();
    return new Map(rows.map((u) => [u.id, u.fullName]));
  }

  /** A person's own profile; their legal name only until they are enrolled, every change audited. */
  async updateMe(id: string, dto: UpdateMeDto): Promise<UserDto> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new UserNotFoundError();
      const renamed = dto.fullName !== undefined && dto.fullName !== user.fullName;
      if (renamed && user.legalNameLocked) throw new LegalNameLockedError();
      if (renamed) await this.auditRename(user, dto.fullName as string, id, manager);
      return UserDto.from(await manager.save(manager.merge(UserEntity, user, { ...dto })));
    });
  }

  /** From their first enrollment on, people no longer change their own legal name. */
  async lockLegalNames(ids: string[], manager: EntityManager): Promise<void> {
    if (ids.length === 0) return;
    await manager.update(UserEntity, { id: In(ids), legalNameLocked: false }, { legalNameLocked: true });
  }

  async update(id: string, dto: UpdateUserDto, actor: AuthUser, ip?: string): Promise<UserDto> {
    await this.assertOrganizationsExist(dto);
    let claimsChanged = false;
    const updated = await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new UserNotFoundError();
      // An erased account stays disabled and nameless: enabling or renaming it would undo the erasure.
      if (user.erasedAt) throw new UserErasedError();
      if (dto.status === 'active' && user.status === 'invited') throw new InvitationPendingError();
      if (dto.fullName !== undefined && dto.fullName !== user.fullName)
        await this.auditRename(user, dto.fullName, actor.id, manager);
      claimsChanged =
        (dto.role !== undefined && dto.role !== user.role) ||
        (dto.centreId !== undefined && dto.centreId !== user.centreId) ||
        (dto.networkId !== undefined && dto.networkId !== user.networkId);
      if (dto.status === 'disabled') {
        // A disabled account keeps no session: its refresh tokens stop working now, and its
        // invitation links too (accepting one would make it active again).
        await manager.update(
          RefreshTokenEntity,
          { userId: id, revokedAt: IsNull() },
          { revokedAt: new Date() },
        );
        await this.invitations.voidPending(id, manager);
      }
      const changes = Object.fromEntries(
        AUDITED_FIELDS.filter((field) => dto[field] !== undefined && dto[field] !== user[field]).map(
          (field) => [field, { from: user[field], to: dto[field] }],
        ),
      );
      const who = { id: actor.id, ip };
      if (Object.keys(changes).length > 0) {
        await recordAccountEvent(this.audit, 'user.changed', id, who, { changes }, manager);
      }
      if (changes.status) {
        const event = dto.status === 'disabled' ? 'user.disabled' : 'user.enabled';
        await recordAccountEvent(this.audit, event, id, who, {}, manager);
      }
      return UserDto.from(await manager.save(manager.merge(UserEntity, user, dto)));
    });
    // And the access tokens already issued, on every API process, once the change is committed: a
    // token carries the role, centre and network it was issued with.
    if (dto.status === 'disabled' || claimsChanged) await this.revocations.revoke(id);
    return updated;
  }

  /**
   * A new invitation link for someone who has not accepted theirs (the old links stop working):
   * admins for anyone, coordinators for their own centre's trainees.
   */
  async resendInvitation(id: string, actor: AuthUser, ip?: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new UserNotFoundError();
      if (actor.role === 'coordinator') {
        // Someone of another centre does not exist for this coordinator.
        if (!actor.centreId || user.centreId !== actor.centreId) throw new UserNotFoundError();
        if (user.role !== 'trainee') throw new NotCoordinatorsTraineeError();
      }
      if (user.status !== 'invited') throw new UserNotInvitedError();
      await this.invitations.voidPending(id, manager);
      await this.invitations.invite(user, manager);
      await recordAccountEvent(this.audit, 'user.invitation-resent', id, { id: actor.id, ip }, {}, manager);
    });
  }

  private auditRename(
    user: UserEntity,
    fullName: string,
    actorId: string,
    manager: EntityManager,
  ): Promise<void> {
    return this.audit.record(
      [
        {
          actorId,
          action: 'user.legal-name-changed',
          entityType: 'user',
          entityId: user.id,
          data: { from: user.fullName, to: fullName },
        },
      ],
      manager,
    );
  }

  /** Checks that every id names a diaspora expert. */
  async assertExperts(ids: string[]): Promise<void> {
    if ((await this.withoutRole(ids, 'expert')).length > 0) throw new NotExpertsError();
  }

  /** The ids among these that do not name a user of the role (unknown ids included). */
  async withoutRole(ids: string[], role: UserEntity['role']): Promise<string[]> {
    if (ids.length === 0) return [];
    const found = await this.users.find({ select: { id: true }, where: { id: In(ids), role } });
    const ok = new Set(found.map((u) => u.id));
    return [...new Set(ids)].filter((id) => !ok.has(id));
  }

  /**
   * Finds the users of these e-mails and creates the unknown ones as invited trainees of the centre,
   * queueing their invitations, inside the caller's transaction. Creating is an insert that ignores
   * e-mails already taken, so two imports naming the same new person create them once.
   */
  async findOrInviteTrainees(
    people: TraineeToInvite[],
    centreId: string,
    manager: EntityManager,
  ): Promise<FoundOrInvited> {
    if (people.length === 0) return { users: [], invitedIds: new Set() };
    const normalized = people.map((p) => ({ ...p, email: p.email.trim().toLowerCase() }));
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values(
        normalized.map((p) => ({
          email: p.email,
          fullName: p.fullName.trim(),
          role: 'trainee' as const,
          status: 'invited' as const,
          passwordHash: null,
          locale: p.locale ?? DEFAULT_LOCALE,
          timeZone: p.timeZone ?? DEFAULT_TIME_ZONE,
          networkId: null,
          centreId,
        })),
      )
      .orIgnore()
      .returning(['id'])
      .execute();
    const invitedIds = new Set((inserted.raw as { id: string }[]).map((row) => row.id));
    const found = await manager.find(UserEntity, { where: { email: In(normalized.map((p) => p.email)) } });
    await this.invitations.inviteMany(
      found.filter((u) => invitedIds.has(u.id)),
      manager,
    );
    const byEmail = new Map(found.map((u) => [u.email, u]));
    return { users: normalized.map((p) => UserDto.from(byEmail.get(p.email) as UserEntity)), invitedIds };
  }

  /** Creates the first admin from configuration when there is no admin yet; answers whether it did. */
  async ensureFirstAdmin(email: string, password: string): Promise<boolean> {
    if (await this.users.exists({ where: { role: 'admin' } })) return false;
    await this.create({ email, password, fullName: 'Administrator', role: 'admin' });
    return true;
  }

  private async assertOrganizationsExist(dto: {
    networkId?: string | null;
    centreId?: string | null;
  }): Promise<void> {
    const checks: Promise<unknown>[] = [];
    if (dto.networkId) checks.push(this.organizations.getNetwork(dto.networkId));
    if (dto.centreId) checks.push(this.organizations.getCentre(dto.centreId));
    try {
      await Promise.all(checks);
    } catch (error) {
      throw new UnknownOrganizationError(
        error instanceof Error ? `${error.message}: check networkId and centreId` : 'Unknown organization',
      );
    }
  }
}
