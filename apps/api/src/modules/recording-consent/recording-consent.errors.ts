import { ForbiddenError, NotFoundError } from '@/core/errors/domain-error';

export class ConsentSessionNotFoundError extends NotFoundError {
  readonly code = 'session-not-found';

  constructor() {
    super('Session');
  }
}

export class NotAnAttendeeError extends ForbiddenError {
  readonly code = 'forbidden';

  constructor() {
    super('Only a person enrolled in the cohort answers its recording notice');
  }
}

export class NotAHostError extends ForbiddenError {
  readonly code = 'forbidden';

  constructor() {
    super('Only the people who may record the session see who objected to recordings');
  }
}
