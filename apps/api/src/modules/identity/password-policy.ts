import { COMMON_PASSWORDS } from './common-passwords';
import { PasswordTooCommonError } from './identity.errors';

/** At least 10 characters (checked by the DTOs) and not among the most common passwords. */
export function assertAcceptablePassword(password: string): void {
  if (COMMON_PASSWORDS.has(password.trim().toLowerCase())) throw new PasswordTooCommonError();
}
