import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, Repository } from 'typeorm';
import type { AccessTokenPayload } from '../../core/auth/auth-user';
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
    const stored = await this.refreshTokens.findOne({ where: { id: parsed.id } });
    if (!stored || !secretMatches(parsed.secret, stored.tokenHash)) throw new InvalidRefreshTokenError();
    if (stored.revokedAt || stored.expiresAt.getTime() <= Date.now()) throw new InvalidRefreshTokenError();

    // The conditional update lets exactly one of two concurrent uses win.
    const claimed = await this.refreshTokens.update(
      { id: stored.id, usedAt: IsNull() },
      { usedAt: new Date() },
    );
    if (claimed.affected !== 1) {
      await this.refreshTokens.update(
        { familyId: stored.familyId, revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
      throw new InvalidRefreshTokenError();
    }
    const user = await this.users.findOne({ where: { id: stored.userId } });
    if (!user || user.status !== 'active') throw new InvalidRefreshTokenError();
    return this.issue(user, stored.familyId);
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

  private async issue(user: UserEntity, familyId: string): Promise<LoginResponseDto> {
    const payload: AccessTokenPayload = {
      sub: user.id,
      role: user.role,
      centreId: user.centreId,
      networkId: user.networkId,
      iatMs: Date.now(),
    };
    const { id, token, hash } = newSecretToken();
    await this.refreshTokens.insert({
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
