import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@mre/contracts';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'isPublic';
export const ROLES = 'roles';
export const BEFORE_TWO_FACTOR = 'beforeTwoFactor';

/** The route needs no access token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * The route works for someone who must still enable two-factor sign-in (their profile, the 2FA
 * setup, signing out); every other route answers 403 `two-factor-setup-required` until then.
 */
export const AllowBeforeTwoFactor = () => SetMetadata(BEFORE_TWO_FACTOR, true);

/** Only these roles may call the route (any signed-in user when absent). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser => context.switchToHttp().getRequest().user,
);
