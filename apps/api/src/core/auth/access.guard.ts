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

/** Global guard: every route needs a valid access token unless @Public, and one of its @Roles. */
@Injectable()
export class AccessGuard implements CanActivate {
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
    let payload: AccessTokenPayload;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenPayload>(token, { algorithms: ['HS256'] });
    } catch {
      throw new MissingTokenError();
    }
    request.user = { id: payload.sub, role: payload.role, centreId: payload.centreId, networkId: payload.networkId };

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(payload.role)) throw new RoleNotAllowedError();
    return true;
  }
}
