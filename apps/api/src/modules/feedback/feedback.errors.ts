import { ConflictError, ForbiddenError, NotFoundError } from '@/core/errors/domain-error';

export class FeedbackSessionNotFoundError extends NotFoundError {
  readonly code = 'session-not-found';

  constructor() {
    super('Session');
  }
}

export class FeedbackNotFoundError extends NotFoundError {
  readonly code = 'feedback-not-found';

  constructor() {
    super('Feedback');
  }
}

/** Only the session's trainees answer its survey; staff read the aggregates. */
export class FeedbackTraineesOnlyError extends ForbiddenError {
  readonly code = 'feedback-trainees-only';

  constructor() {
    super('Only the trainees of the cohort answer the survey of its sessions');
  }
}

export class FeedbackStaffOnlyError extends ForbiddenError {
  readonly code = 'feedback-staff-only';

  constructor(what: string) {
    super(`Only ${what} see the feedback of a session`);
  }
}

/** Before the session has ended (or when it was cancelled) there is nothing to rate. */
export class FeedbackNotOpenError extends ConflictError {
  readonly code = 'feedback-not-open';

  constructor() {
    super('The survey opens when the session has ended');
  }
}

export class FeedbackClosedError extends ConflictError {
  readonly code = 'feedback-closed';

  constructor(closedAt: Date) {
    super(`The survey closed at ${closedAt.toISOString()}`);
    this.details.closedAt = closedAt.toISOString();
  }
}
