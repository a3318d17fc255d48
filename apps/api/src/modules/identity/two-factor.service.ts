import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Role } from '@mre/contracts';
import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';
import { AppConfig } from '@/core/config/app-config';
import { Limit, RateLimiter } from '@/core/redis/rate-limiter';
import { AuditService } from '@/modules/audit/audit.service';
import { AccountActor, recordAccountEvent } from './account-audit';
import {
  InvalidTwoFactorCodeError,
  TooManyTwoFactorAttemptsError,
  TwoFactorAlreadyEnabledError,
  TwoFactorNotSetUpError,
  TwoFactorRequiredError,
} from './identity.errors';
import { RecoveryCodeEntity } from './recovery-code.entity';
import { matchingStep, newRecoveryCodes, newTotpSecret, otpauthUrl, recoveryCodeHash } from './totp';
import { UserEntity } from './user.entity';

const ISSUER = 'MRE Academy';
const WINDOW_SECONDS = 15 * 60;
/** Wrong codes per person in the window: a million codes cannot be tried 5 at a time. */
const MAX_FAILURES_PER_USER = 5;
const MAX_FAILURES_PER_IP = 30;

export interface TwoFactorSetup {
  otpauthUrl: string;
  secret: string;
}

/**
 * Two-factor sign-in with TOTP (RFC 6238) and ten single-use recovery codes. A TOTP step is
 * accepted once: the last accepted step is stored, and a code of that step or an older one is refused.
 */
@Injectable()
export class TwoFactorService {
  private readonly requiredFor: Set<string>;

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly dataSource: DataSource,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditService,
    config: AppConfig,
  ) {
    this.requiredFor = new Set(
      config
        .get('TWO_FACTOR_REQUIRED_FOR')
        .split(',')
        .map((role) => role.trim())
        .filter(Boolean),
    );
  }

  isRequiredFor(role: Role): boolean {
    return this.requiredFor.has(role);
  }

  /** Whether the person must enable 2FA before using anything else. */
  setupRequired(user: UserEntity): boolean {
    return this.isRequiredFor(user.role) && !user.twoFactorEnabledAt;
  }

  /** A new secret, not in force until a code of it is given to `enable`. */
  async setup(userId: string): Promise<TwoFactorSetup> {
    const user = await this.users.findOneOrFail({ where: { id: userId } });
    if (user.twoFactorEnabledAt) throw new TwoFactorAlreadyEnabledError();
    const secret = newTotpSecret();
    await this.users.update(userId, { twoFactorSecret: secret, twoFactorLastStep: null });
    return { secret, otpauthUrl: otpauthUrl(secret, user.email, ISSUER) };
  }

  /** Checks a code of the new secret, turns 2FA on, and answers the recovery codes (shown once). */
  async enable(userId: string, code: string, actor: AccountActor): Promise<string[]> {
    await this.reserve(userId, actor.ip);
    const codes = newRecoveryCodes();
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(UserEntity, {
        where: { id: userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user) throw new TwoFactorNotSetUpError();
      if (user.twoFactorEnabledAt) throw new TwoFactorAlreadyEnabledError();
      if (!user.twoFactorSecret) throw new TwoFactorNotSetUpError();
      const step = matchingStep(user.twoFactorSecret, code.trim(), Date.now());
      if (step === null) throw new InvalidTwoFactorCodeError();
      await manager.update(UserEntity, userId, {
        twoFactorEnabledAt: new Date(),
        twoFactorLastStep: String(step),
      });
      await manager.delete(RecoveryCodeEntity, { userId });
      await manager.insert(
        RecoveryCodeEntity,
        codes.map((c) => ({ userId, codeHash: recoveryCodeHash(c), usedAt: null })),
      );
      await recordAccountEvent(this.audit, 'two-factor.enabled', userId, actor, {}, manager);
    });
    await this.succeeded(userId, actor.ip);
    return codes;
  }

  /** Turns 2FA off with a current code (or a recovery code); refused where the role requires it. */
  async disable(userId: string, code: string, actor: AccountActor): Promise<void> {
    const user = await this.users.findOneOrFail({ where: { id: userId } });
    if (!user.twoFactorEnabledAt) throw new TwoFactorNotSetUpError();
    if (this.isRequiredFor(user.role)) throw new TwoFactorRequiredError();
    await this.verify(user, code, actor);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, userId, {
        twoFactorSecret: null,
        twoFactorEnabledAt: null,
        twoFactorLastStep: null,
      });
      await manager.delete(RecoveryCodeEntity, { userId });
      await recordAccountEvent(this.audit, 'two-factor.disabled', userId, actor, {}, manager);
    });
  }

  /**
   * Checks a TOTP code or a recovery code of a person with 2FA, counted against their wrong-code
   * budget; a recovery code is used up, a TOTP step too. Throws when the code is wrong.
   */
  async verify(user: UserEntity, code: string, actor: AccountActor): Promise<void> {
    await this.reserve(user.id, actor.ip);
    const ok = await this.dataSource.transaction((manager) => this.check(user, code.trim(), actor, manager));
    if (!ok) throw new InvalidTwoFactorCodeError();
    await this.succeeded(user.id, actor.ip);
  }

  private async check(
    user: UserEntity,
    code: string,
    actor: AccountActor,
    manager: EntityManager,
  ): Promise<boolean> {
    if (!user.twoFactorSecret || !user.twoFactorEnabledAt) return false;
    const step = matchingStep(user.twoFactorSecret, code, Date.now());
    if (step !== null) {
      // Atomically: the same code (or an older step's) given twice, even at once, works once.
      const result = await manager
        .createQueryBuilder()
        .update(UserEntity)
        .set({ twoFactorLastStep: String(step) })
        .where('id = :id', { id: user.id })
        .andWhere('(two_factor_last_step IS NULL OR two_factor_last_step < :step)', { step })
        .execute();
      return result.affected === 1;
    }
    const used = await manager.update(
      RecoveryCodeEntity,
      { userId: user.id, codeHash: recoveryCodeHash(code), usedAt: IsNull() },
      { usedAt: new Date() },
    );
    if (used.affected !== 1) return false;
    const left = await manager.count(RecoveryCodeEntity, { where: { userId: user.id, usedAt: IsNull() } });
    await recordAccountEvent(
      this.audit,
      'two-factor.recovery-code-used',
      user.id,
      actor,
      { recoveryCodesLeft: left },
      manager,
    );
    return true;
  }

  private async reserve(userId: string, ip?: string): Promise<void> {
    const wait = await this.limiter.consume(this.limits(userId, ip));
    if (wait !== null) throw new TooManyTwoFactorAttemptsError(wait);
  }

  private async succeeded(userId: string, ip?: string): Promise<void> {
    const [account, ...address] = this.limits(userId, ip);
    await this.limiter.release(address);
    await this.limiter.reset(account.key);
  }

  private limits(userId: string, ip?: string): Limit[] {
    return [
      { key: `2fa-fail:user:${userId}`, max: MAX_FAILURES_PER_USER, windowSeconds: WINDOW_SECONDS },
      ...(ip ? [{ key: `2fa-fail:ip:${ip}`, max: MAX_FAILURES_PER_IP, windowSeconds: WINDOW_SECONDS }] : []),
    ];
  }
}
