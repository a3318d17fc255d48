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
