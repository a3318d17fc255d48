import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull, Not, Repository } from 'typeorm';
import type { AccessTokenPayload, AuthUser } from '@/core/auth/auth-user';
import { AppConfig } from '@/core/config/app-config';
import { AccessRevocations } from '@/core/redis/access-revocations';
import { RateLimiter } from '@/core/redis/rate-limiter';
import { AuditService } from '@/modules/audit/audit.service';
import { recordAccountEvent } from './account-audit';
import { AcceptInviteDto, LoginResponseDto, MfaChallengeDto } from './dto/auth.dto';
import { UserDto } from './dto/user.dto';
import {
  BadCredentialsError,
  InvalidInvitationError,
  InvalidMfaTokenError,
  InvalidPasswordResetError,
  InvalidRefreshTokenError,
  TooManyPasswordResetsError,
  WrongPasswordError,
} from './identity.errors';
import { InvitationService } from './invitation.service';
import { LoginThrottleService } from './login-throttle.service';
import { assertAcceptablePassword } from './password-policy';
import { hashPassword, verifyPassword } from './password-hasher';
import { PasswordResetService } from './password-reset.service';
import { RefreshTokenEntity } from './refresh-token.entity';
import { newSecretToken, parseSecretToken, secretMatches } from './secret-token';
import { TwoFactorService } from './two-factor.service';
import { UserEntity } from './user.entity';

const REFRESH_TOKEN_TTL_MS = 30 * 24 * 3600_000;
/** How long the second step of a two-factor sign-in may wait for its code. */
const MFA_TOKEN_TTL_SECONDS = 5 * 60;
const RESET_WINDOW_SECONDS = 3600;
/** Reset e-mails per address asked for, and requests per client address, in an hour. */
const MAX_RESETS_PER_EMAIL = 3;
const MAX_RESETS_PER_IP = 20;

interface MfaTokenPayload {
  sub: string;
  purpose: 'mfa';
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);
  /** Its own key: a two-factor challenge can never pass for an access token, nor the reverse. */
  private readonly mfaKey: Buffer;

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(RefreshTokenEntity) private readonly refreshTokens: Repository<RefreshTokenEntity>,
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottleService,
    private readonly invitations: InvitationService,
    private readonly resets: PasswordResetService,
    private readonly twoFactor: TwoFactorService,
    private readonly revocations: AccessRevocations,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditService,
    config: AppConfig,
  ) {
    this.mfaKey = Buffer.from(`${config.jwtSecret}:two-factor-challenge`);
  }

  /** Tokens, or for a person with two-factor sign-in a challenge to answer with a code. */
  async login(email: string, password: string, ip: string): Promise<LoginResponseDto | MfaChallengeDto> {
    await this.throttle.reserve(email, ip);
    const user = await this.users.findOne({ where: { email: email.trim().toLowerCase() } });
    const ok = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !ok || user.status !== 'active') {
      if (user) await recordAccountEvent(this.audit, 'sign-in.failed', user.id, { id: null, ip });
      throw new BadCredentialsError();
    }
    await this.throttle.succeeded(email, ip);
    if (user.twoFactorEnabledAt) return this.challenge(user);
    return this.signedIn(user, ip);
  }

  /** The second step: a TOTP code or a recovery code for the challenge `login` answered. */
  async loginTwoFactor(mfaToken: string, code: string, ip: string): Promise<LoginResponseDto> {
    let payload: MfaTokenPayload;
    try {
      payload = await this.jwt.verifyAsync<MfaTokenPayload>(mfaToken, {
        secret: this.mfaKey,
        algorithms: ['HS256'],
      });
    } catch {
      throw new InvalidMfaTokenError();
    }
    if (payload.purpose !== 'mfa') throw new InvalidMfaTokenError();
    const user = await this.users.findOne({ where: { id: payload.sub } });
    if (!user || user.status !== 'active' || !user.twoFactorEnabledAt) throw new InvalidMfaTokenError();
    try {
      await this.twoFactor.verify(user, code, { id: null, ip });
    } catch (error) {
      await recordAccountEvent(
        this.audit,
        'sign-in.failed',
        user.id,
        { id: null, ip },
        { step: 'two-factor' },
      );
      throw error;
    }
    return this.signedIn(user, ip);
  }

  /**
   * Rotates a refresh token. A token presented a second time means it was copied: the whole
   * family is revoked, so both the thief and the owner must sign in again.
   */
  async refresh(token: string): Promise<LoginResponseDto> {
    const parsed = parseSecretToken(token);
    if (!parsed) throw new InvalidRefreshTokenError();
    // One decision per token, under its row lock: a replay racing the rotation waits for it, then
    // sees the token used and revokes the family with the rotated token in it.
    const answer = await this.dataSource.transaction(async (manager) => {
      const tokens = manager.getRepository(RefreshTokenEntity);
      const stored = await tokens.findOne({ where: { id: parsed.id }, lock: { mode: 'pessimistic_write' } });
      if (!stored || !secretMatches(parsed.secret, stored.tokenHash)) return null;
      if (stored.revokedAt || stored.expiresAt.getTime() <= Date.now()) return null;
      if (stored.usedAt) {
        // Presented a second time: it was copied. The revocation commits; the caller gets 401.
        await tokens.update({ familyId: stored.familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
        return null;
      }
      await tokens.update(stored.id, { usedAt: new Date() });
      const user = await manager.findOne(UserEntity, { where: { id: stored.userId } });
      if (!user || user.status !== 'active') return null;
      return this.issue(user, stored.familyId, manager);
    });
    if (!answer) throw new InvalidRefreshTokenError();
    return answer;
  }

  /**
   * Activates an invited account with the chosen password. Anyone may call it, so the costly part
   * (argon2, 64 MiB) comes only after the link proved good, and wrong links are throttled per
   * address. Only an account still `invited` is activated: a disabled one stays disabled.
   */
  /** The invitee's own time zone, when their browser tells it, is closer to the truth than the inviter's guess. */
  async acceptInvite({ token, password, timeZone }: AcceptInviteDto, ip: string): Promise<LoginResponseDto> {
    await this.throttle.reserveInvitation(ip);
    await this.invitations.check(token);
    assertAcceptablePassword(password);
    const passwordHash = await hashPassword(password);
    const user = await this.dataSource.transaction(async (manager) => {
      const userId = await this.invitations.consume(token, manager);
      const activated = await manager.update(
        UserEntity,
        { id: userId, status: 'invited' },
        { passwordHash, status: 'active', lastSignInAt: new Date(), ...(timeZone ? { timeZone } : {}) },
      );
      if (activated.affected !== 1) throw new InvalidInvitationError();
      return manager.findOneOrFail(UserEntity, { where: { id: userId } });
    });
    await this.throttle.invitationAccepted(ip);
    return this.issue(user, randomUUID());
  }

  /**
   * Signs one device out: the refresh token's family (all its rotations) stops working, and so do
   * the access tokens issued in it, on every API process; the access token used is refused too.
   */
  async logout(refreshToken: string, caller: AuthUser, ip: string): Promise<void> {
    const families = new Set<string>(caller.familyId ? [caller.familyId] : []);
    const parsed = parseSecretToken(refreshToken);
    if (parsed) {
      const stored = await this.refreshTokens.findOne({ where: { id: parsed.id } });
      if (stored && stored.userId === caller.id && secretMatches(parsed.secret, stored.tokenHash)) {
        families.add(stored.familyId);
      }
    }
    for (const familyId of families) {
      await this.refreshTokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
      await this.revocations.revoke(familyId);
    }
    // An access token from before families were named in tokens: only the user-wide revocation reaches it.
    if (!caller.familyId) await this.revocations.revoke(caller.id);
    await recordAccountEvent(this.audit, 'sign-out', caller.id, { id: caller.id, ip });
  }

  /** Signs out every other device of the person: this session (the caller's family) stays. */
  async revokeOtherSessions(caller: AuthUser, ip: string, manager?: EntityManager): Promise<void> {
    await this.revokeFamiliesExcept(caller.id, caller.familyId ?? null, manager);
    await recordAccountEvent(this.audit, 'sessions.revoked', caller.id, { id: caller.id, ip });
  }

  /**
   * Answers at once and the same way whatever the e-mail: the link is made and sent afterwards,
   * so neither the answer nor its timing tells whether an account exists.
   */
  async forgotPassword(email: string, ip: string): Promise<void> {
    const normalized = email.trim().toLowerCase();
    const wait = await this.limiter.consume([
      { key: `reset:ip:${ip}`, max: MAX_RESETS_PER_IP, windowSeconds: RESET_WINDOW_SECONDS },
      { key: `reset:email:${normalized}`, max: MAX_RESETS_PER_EMAIL, windowSeconds: RESET_WINDOW_SECONDS },
    ]);
    if (wait !== null) throw new TooManyPasswordResetsError(wait);
    void this.sendReset(normalized, ip).catch((error: Error) =>
      this.logger.error(`Password reset for a request from ${ip} not sent: ${error.message}`),
    );
  }

  /**
   * Sets the new password from a reset link (once), revokes every session of the person, and signs
   * this one in; a person with two-factor sign-in still answers the challenge with a code.
   */
  async resetPassword(
    token: string,
    password: string,
    ip: string,
  ): Promise<LoginResponseDto | MfaChallengeDto> {
    await this.throttle.reserveInvitation(ip);
    await this.resets.check(token);
    assertAcceptablePassword(password);
    const passwordHash = await hashPassword(password);
    const user = await this.dataSource.transaction(async (manager) => {
      const userId = await this.resets.consume(token, manager);
      const updated = await manager.update(UserEntity, { id: userId, status: 'active' }, { passwordHash });
      if (updated.affected !== 1) throw new InvalidPasswordResetError();
      await manager.update(RefreshTokenEntity, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
      await recordAccountEvent(this.audit, 'password.reset', userId, { id: userId, ip }, {}, manager);
      return manager.findOneOrFail(UserEntity, { where: { id: userId } });
    });
    await this.throttle.invitationAccepted(ip);
    const revokedAt = await this.revocations.revoke(user.id);
    if (user.twoFactorEnabledAt) return this.challenge(user);
    return this.issue(user, randomUUID(), undefined, revokedAt);
  }

  /** Changes the password after checking the current one (throttled like sign-in); other sessions end. */
  async changePassword(
    caller: AuthUser,
    currentPassword: string,
    newPassword: string,
    ip: string,
  ): Promise<void> {
    const user = await this.users.findOneOrFail({ where: { id: caller.id } });
    await this.throttle.reserve(user.email, ip);
    if (!(await verifyPassword(user.passwordHash, currentPassword))) throw new WrongPasswordError();
    await this.throttle.succeeded(user.email, ip);
    assertAcceptablePassword(newPassword);
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, user.id, { passwordHash });
      await recordAccountEvent(this.audit, 'password.changed', user.id, { id: caller.id, ip }, {}, manager);
    });
    await this.revokeFamiliesExcept(user.id, caller.familyId ?? null);
  }

  private async revokeFamiliesExcept(
    userId: string,
    keep: string | null,
    manager: EntityManager = this.refreshTokens.manager,
  ): Promise<void> {
    const live = await manager.getRepository(RefreshTokenEntity).find({
      select: { familyId: true },
      where: { userId, revokedAt: IsNull(), ...(keep ? { familyId: Not(keep) } : {}) },
    });
    const families = [...new Set(live.map((t) => t.familyId))];
    if (families.length > 0) {
      await manager
        .getRepository(RefreshTokenEntity)
        .update(
          { userId, revokedAt: IsNull(), ...(keep ? { familyId: Not(keep) } : {}) },
          { revokedAt: new Date() },
        );
    }
    // Access tokens of those families, on every process. Without a family to keep, all of the person's.
    if (!keep) {
      await this.revocations.revoke(userId);
      return;
    }
    for (const familyId of families) await this.revocations.revoke(familyId);
  }

  private async sendReset(email: string, ip: string): Promise<void> {
    const user = await this.users.findOne({ where: { email } });
    if (!user || user.status !== 'active') return;
    await this.resets.send(user);
    await recordAccountEvent(this.audit, 'password.reset-requested', user.id, { id: null, ip });
  }

  private async challenge(user: UserEntity): Promise<MfaChallengeDto> {
    const payload: MfaTokenPayload = { sub: user.id, purpose: 'mfa' };
    const mfaToken = await this.jwt.signAsync(payload, {
      secret: this.mfaKey,
      algorithm: 'HS256',
      expiresIn: MFA_TOKEN_TTL_SECONDS,
    });
    return { mfaRequired: true, mfaToken };
  }

  private async signedIn(user: UserEntity, ip: string): Promise<LoginResponseDto> {
    const now = new Date();
    await this.users.update(user.id, { lastSignInAt: now });
    await recordAccountEvent(this.audit, 'sign-in.succeeded', user.id, { id: user.id, ip });
    return this.issue({ ...user, lastSignInAt: now }, randomUUID());
  }

  /**
   * A new pair. `notBeforeMs`: an instant the person's tokens were revoked at, which this access
   * token must come after (issued in the same millisecond, it would be refused with the others).
   */
  private async issue(
    user: UserEntity,
    familyId: string,
    manager: EntityManager = this.refreshTokens.manager,
    notBeforeMs = 0,
  ): Promise<LoginResponseDto> {
    const payload: AccessTokenPayload = {
      sub: user.id,
      role: user.role,
      centreId: user.centreId,
      networkId: user.networkId,
      iatMs: Math.max(Date.now(), notBeforeMs + 1),
      fam: familyId,
      ...(this.twoFactor.setupRequired(user) ? { tfa: 'setup' as const } : {}),
    };
    const { id, token, hash } = newSecretToken();
    await manager.getRepository(RefreshTokenEntity).insert({
      id,
      familyId,
      userId: user.id,
      tokenHash: hash,
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_MS),
      usedAt: null,
      revokedAt: null,
    });
    return { accessToken: await this.jwt.signAsync(payload), refreshToken: token, user: UserDto.from(user) };
  }
}
