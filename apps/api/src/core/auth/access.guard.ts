import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@mre/contracts';
import { ForbiddenError, UnauthorizedError } from '../errors/domain-error';
import type { AccessTokenPayload, AuthUser } from './auth-user';
import { IS_PUBLIC, ROLES } from './decorators';

class MissingTokenError extends UnauthorizedError {
  constructor() {
    super('A valid access token is required');
  }
}

class RoleNotAllowedError extends ForbiddenError {
  constructor() {
    super('Your role may not do this');
  }
}

/** Tokens remembered once verified; past that, all are forgotten at once and verified again as they come. */
const VERIFIED_TOKENS = 10_000;

interface Verified {
  user: AuthUser;
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
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthUser }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new MissingTokenError();
    const user = await this.verify(token);
    if (!user) throw new MissingTokenError();
    request.user = { ...user };

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(user.role)) throw new RoleNotAllowedError();
    return true;
  }

  private async verify(token: string): Promise<AuthUser | null> {
    const known = this.verified.get(token);
    if (known && known.expiresAt > Date.now()) return known.user;
    if (known) this.verified.delete(token);
    let payload: AccessTokenPayload & { exp?: number };
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload & { exp?: number }>(token, { algorithms: ['HS256'] });
    } catch {
      return null;
    }
    const user: AuthUser = { id: payload.sub, role: payload.role, centreId: payload.centreId, networkId: payload.networkId };
    if (payload.exp) {
      // Not one by one: a Map whose oldest entries keep being deleted makes finding the next oldest slow.
      if (this.verified.size >= VERIFIED_TOKENS) this.verified.clear();
      this.verified.set(token, { user, expiresAt: payload.exp * 1000 });
    }
    return user;
  }
}
