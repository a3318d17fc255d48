import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@mre/contracts';
import { ForbiddenError, UnauthorizedError } from '@/core/errors/domain-error';
import { AccessRevocations } from '@/core/redis/access-revocations';
import type { AccessTokenPayload, AuthUser } from './auth-user';
import { BEFORE_TWO_FACTOR, IS_PUBLIC, ROLES } from './decorators';

class MissingTokenError extends UnauthorizedError {
  readonly code = 'access-token-required';

  constructor() {
    super('A valid access token is required');
  }
}

class RoleNotAllowedError extends ForbiddenError {
  readonly code = 'role-not-allowed';

  constructor() {
    super('Your role may not do this');
  }
}

class TwoFactorSetupRequiredError extends ForbiddenError {
  readonly code = 'two-factor-setup-required';

  constructor() {
    super('Your role requires two-factor sign-in: enable it (POST /me/2fa/setup, then /me/2fa/enable) first');
  }
}

/** Tokens remembered once verified; past that, all are forgotten at once and verified again as they come. */
const VERIFIED_TOKENS = 10_000;

interface Verified {
  user: AuthUser;
  /** Milliseconds. */
  issuedAtMs: number;
  expiresAt: number;
}

/** Global guard: every route needs a valid access token unless @Public, and one of its @Roles. */
@Injectable()
export class AccessGuard implements CanActivate {
  /**
   * A token's signature is checked once, then the token is known until it expires: the same
   * person presents the same token on every request (a class start, a schedule page, polling).
   * Only the exact string that was verified is known, and only until its own `exp`.
   */
  private readonly verified = new Map<string, Verified>();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly revocations: AccessRevocations,
  ) {
    revocations.listen();
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; user?: AuthUser }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new MissingTokenError();
    const user = await this.verify(token);
    if (!user) throw new MissingTokenError();
    request.user = { ...user };
    if (
      user.twoFactorSetupRequired &&
      !this.reflector.getAllAndOverride<boolean>(BEFORE_TWO_FACTOR, targets)
    ) {
      throw new TwoFactorSetupRequiredError();
    }

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(user.role)) throw new RoleNotAllowedError();
    return true;
  }

  /** The token's user, or null for a token that is not valid, has expired or was revoked (account disabled). */
  private async verify(token: string): Promise<AuthUser | null> {
    const known = this.verified.get(token) ?? (await this.check(token));
    if (!known || known.expiresAt <= Date.now()) {
      this.verified.delete(token);
      return null;
    }
    const { user, issuedAtMs } = known;
    const revoked =
      this.revocations.isRevoked(user.id, issuedAtMs) ||
      (user.familyId !== undefined && this.revocations.isRevoked(user.familyId, issuedAtMs));
    return revoked ? null : user;
  }

  private async check(token: string): Promise<Verified | null> {
    let payload: AccessTokenPayload & { iat: number; exp: number };
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload & { iat: number; exp: number }>(token, {
        algorithms: ['HS256'],
      });
    } catch {
      return null;
    }
    // Every access token the API signs has both; one without is not one of them.
    if (!payload.iat || !payload.exp) return null;
    const verified = {
      user: {
        id: payload.sub,
        role: payload.role,
        centreId: payload.centreId,
        networkId: payload.networkId,
        ...(payload.fam ? { familyId: payload.fam } : {}),
        ...(payload.tfa === 'setup' ? { twoFactorSetupRequired: true } : {}),
      },
      issuedAtMs: payload.iatMs ?? payload.iat * 1000,
      expiresAt: payload.exp * 1000,
    };
    // Not one by one: a Map whose oldest entries keep being deleted makes finding the next oldest slow.
    if (this.verified.size >= VERIFIED_TOKENS) this.verified.clear();
    this.verified.set(token, verified);
    return verified;
  }
}
