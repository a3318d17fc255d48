import { HttpStatus } from '@nestjs/common';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  GoneError,
  NotFoundError,
  TooManyRequestsError,
} from '../../core/errors/domain-error';

export class SessionNotFoundError extends NotFoundError {
  constructor() {
    super('Session');
  }
}

export class NotInCohortError extends ForbiddenError {
  constructor() {
    super(
      'Only the cohort’s enrolled trainees, its teachers, its centre’s coordinator and admins may do this',
    );
  }
}

export class NotHostError extends ForbiddenError {
  constructor() {
    super('Only a teacher of the cohort or an admin may do this');
  }
}

export class JoinWindowNotOpenError extends DomainError {
  readonly status = 425 as HttpStatus;

  constructor(opensAt: Date) {
    super(`The class opens for joining at ${opensAt.toISOString()}`);
    this.details.opensAt = opensAt.toISOString();
  }
}

export class SessionEndedError extends GoneError {
  constructor(reason: 'ended' | 'cancelled') {
    super(reason === 'cancelled' ? 'This session was cancelled' : 'This session has ended');
  }
}

export class RemovedFromRoomError extends ForbiddenError {
  constructor() {
    super('The host removed you from this session; ask them to let you back in');
  }
}

export class StaffNotRemovableError extends ForbiddenError {
  constructor() {
    super('A teacher cannot remove an admin or a coordinator from the class: they observe it');
  }
}

export class SessionOverlapError extends ConflictError {
  constructor() {
    super('The cohort already has a session at that time');
  }
}

export class RecordingConflictError extends ConflictError {}

export class TooManyJoinRequestsError extends TooManyRequestsError {
  constructor(retryAfterSeconds: number) {
    super('Too many join requests; try again in a moment', retryAfterSeconds);
  }
}
