import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';
import type { AccessTokenPayload } from '@/core/auth/auth-user';
import { LoginResponseDto } from './dto/auth.dto';
import { UserDto } from './dto/user.dto';
import { BadCredentialsError, InvalidInvitationError, InvalidRefreshTokenError } from './identity.errors';
import { InvitationService } from './invitation.service';
import { LoginThrottleService } from './login-throttle.service';
import { hashPassword, verifyPassword } from './password-hasher';
import { RefreshTokenEntity } from './refresh-token.entity';
import { newSecretToken, parseSecretToken, secretMatches } from './secret-token';
import { UserEntity } from './user.entity';

const REFRESH_TOKEN_TTL_MS = 30 * 24 * 3600_000;

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(RefreshTokenEntity) private readonly refreshTokens: Repository<RefreshTokenEntity>,
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottleService,
    private readonly invitations: InvitationService,
  ) {}

  async login(email: string, password: string, ip: string): Promise<LoginResponseDto> {
    await this.throttle.reserve(email, ip);
    const user = await this.users.findOne({ where: { email: email.trim().toLowerCase() } });
    const ok = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !ok || user.status !== 'active') throw new BadCredentialsError();
    await this.throttle.succeeded(email, ip);
    return this.issue(user, randomUUID());
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
  async acceptInvite(token: string, password: string, ip: string): Promise<LoginResponseDto> {
    await this.throttle.reserveInvitation(ip);
    await this.invitations.check(token);
    const passwordHash = await hashPassword(password);
    const user = await this.dataSource.transaction(async (manager) => {
      const userId = await this.invitations.consume(token, manager);
      const activated = await manager.update(
        UserEntity,
        { id: userId, status: 'invited' },
        { passwordHash, status: 'active' },
      );
      if (activated.affected !== 1) throw new InvalidInvitationError();
      return manager.findOneOrFail(UserEntity, { where: { id: userId } });
    });
    await this.throttle.invitationAccepted(ip);
    return this.issue(user, randomUUID());
  }

  private async issue(
    user: UserEntity,
    familyId: string,
    manager: EntityManager = this.refreshTokens.manager,
  ): Promise<LoginResponseDto> {
    const payload: AccessTokenPayload = {
      sub: user.id,
      role: user.role,
      centreId: user.centreId,
      networkId: user.networkId,
      iatMs: Date.now(),
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
