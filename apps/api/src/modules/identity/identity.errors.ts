import {
  ConflictError,
  ForbiddenError,
  GoneError,
  InvalidInputError,
  TooManyRequestsError,
  UnauthorizedError,
} from '@/core/errors/domain-error';

export class BadCredentialsError extends UnauthorizedError {
  readonly code = 'bad-credentials';

  constructor() {
    super('Invalid e-mail or password');
  }
}

export class InvalidRefreshTokenError extends UnauthorizedError {
  readonly code = 'refresh-token-invalid';

  constructor() {
    super('The refresh token is invalid, expired or already used');
  }
}

export class EmailTakenError extends ConflictError {
  readonly code = 'email-taken';

  constructor() {
    super('A user with this e-mail already exists');
  }
}

export class InvalidInvitationError extends InvalidInputError {
  readonly code = 'invitation-invalid';

  constructor() {
    super('This invitation link is invalid or has already been used');
  }
}

export class ExpiredInvitationError extends GoneError {
  readonly code = 'invitation-expired';

  constructor() {
    super('This invitation link has expired; ask for a new one');
  }
}

export class TooManyLoginAttemptsError extends TooManyRequestsError {
  readonly code = 'too-many-sign-in-attempts';

  constructor(retryAfterSeconds: number) {
    super('Too many failed sign-in attempts; try again later', retryAfterSeconds);
  }
}

export class UnknownOrganizationError extends InvalidInputError {
  readonly code = 'unknown-organization';
}

export class NotExpertsError extends InvalidInputError {
  readonly code = 'not-experts';

  constructor() {
    super('expertIds must name existing users with the expert role');
  }
}

export class InvitationPendingError extends InvalidInputError {
  readonly code = 'invitation-pending';

  constructor() {
    super('An invited user becomes active by accepting the invitation');
  }
}

export class LegalNameLockedError extends ForbiddenError {
  readonly code = 'legal-name-locked';

  constructor() {
    super(
      'Your name is your legal name on certificates: once you are enrolled, ask your centre or an admin to correct it',
    );
  }
}

export class PasswordTooCommonError extends InvalidInputError {
  readonly code = 'password-too-common';

  constructor() {
    super('This password is among the most common ones: choose another');
  }
}

export class WrongPasswordError extends InvalidInputError {
  readonly code = 'wrong-password';

  constructor() {
    super('The current password is wrong');
  }
}

export class InvalidPasswordResetError extends InvalidInputError {
  readonly code = 'password-reset-invalid';

  constructor() {
    super('This password-reset link is invalid or has already been used');
  }
}

export class ExpiredPasswordResetError extends GoneError {
  readonly code = 'password-reset-expired';

  constructor() {
    super('This password-reset link has expired; ask for a new one');
  }
}

export class TooManyPasswordResetsError extends TooManyRequestsError {
  readonly code = 'too-many-password-resets';

  constructor(retryAfterSeconds: number) {
    super('Too many password-reset requests; try again later', retryAfterSeconds);
  }
}

export class UserNotInvitedError extends ConflictError {
  readonly code = 'user-not-invited';

  constructor() {
    super('Only an account still waiting for its invitation can be invited again');
  }
}

export class InvalidTwoFactorCodeError extends InvalidInputError {
  readonly code = 'two-factor-code-invalid';

  constructor() {
    super('The code is wrong or was already used');
  }
}

export class InvalidMfaTokenError extends UnauthorizedError {
  readonly code = 'two-factor-challenge-invalid';

  constructor() {
    super('Sign in again: this two-factor step is invalid or has expired');
  }
}

export class TooManyTwoFactorAttemptsError extends TooManyRequestsError {
  readonly code = 'too-many-two-factor-attempts';

  constructor(retryAfterSeconds: number) {
    super('Too many wrong codes; try again later', retryAfterSeconds);
  }
}

export class TwoFactorAlreadyEnabledError extends ConflictError {
  readonly code = 'two-factor-already-enabled';

  constructor() {
    super('Two-factor sign-in is already enabled; disable it first');
  }
}

export class TwoFactorNotSetUpError extends ConflictError {
  readonly code = 'two-factor-not-set-up';

  constructor() {
    super('Start with POST /me/2fa/setup');
  }
}

export class TwoFactorRequiredError extends ForbiddenError {
  readonly code = 'two-factor-required';

  constructor() {
    super('Your role requires two-factor sign-in: it cannot be disabled');
  }
}

export class UserErasedError extends ConflictError {
  readonly code = 'user-erased';

  constructor() {
    super('This person’s data was erased: the account cannot change any more');
  }
}
