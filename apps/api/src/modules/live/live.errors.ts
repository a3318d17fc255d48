import { HttpStatus } from '@nestjs/common';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  GoneError,
  NotFoundError,
  TooManyRequestsError,
} from '@/core/errors/domain-error';

export class SessionNotFoundError extends NotFoundError {
  readonly code = 'session-not-found';

  constructor() {
    super('Session');
  }
}

export class NotInCohortError extends ForbiddenError {
  readonly code = 'not-in-cohort';

  constructor() {
    super(
      'Only the cohort’s enrolled trainees, its teachers, its centre’s coordinator and admins may do this',
    );
  }
}

export class NotHostError extends ForbiddenError {
  readonly code = 'not-host';

  constructor() {
    super('Only a teacher of the cohort or an admin may do this');
  }
}

export class JoinWindowNotOpenError extends DomainError {
  readonly status = 425 as HttpStatus;
  readonly code = 'join-window-not-open';

  constructor(opensAt: Date) {
    super(`The class opens for joining at ${opensAt.toISOString()}`);
    this.details.opensAt = opensAt.toISOString();
  }
}

export class SessionEndedError extends GoneError {
  readonly code: 'session-ended' | 'session-cancelled';

  constructor(reason: 'ended' | 'cancelled') {
    super(reason === 'cancelled' ? 'This session was cancelled' : 'This session has ended');
    this.code = reason === 'cancelled' ? 'session-cancelled' : 'session-ended';
  }
}

export class RemovedFromRoomError extends ForbiddenError {
  readonly code = 'removed-from-room';

  constructor() {
    super('The host removed you from this session; ask them to let you back in');
  }
}

export class StaffNotRemovableError extends ForbiddenError {
  readonly code = 'staff-not-removable';

  constructor() {
    super('A teacher cannot remove an admin or a coordinator from the class: they observe it');
  }
}

export class SessionOverlapError extends ConflictError {
  readonly code = 'session-overlap';

  constructor() {
    super('The cohort already has a session at that time');
  }
}

export class RecordingConflictError extends ConflictError {
  readonly code: 'recording-already-running' | 'recording-not-running';

  constructor(running: boolean) {
    super(running ? 'This session is already being recorded' : 'This session is not being recorded');
    this.code = running ? 'recording-already-running' : 'recording-not-running';
  }
}

/** The cohort states that its sessions are not to be recorded (recordingAllowed: false). */
export class RecordingNotAllowedError extends ConflictError {
  readonly code = 'recording-not-allowed';

  constructor() {
    super('This cohort’s sessions may not be recorded');
  }
}

export class TooManyJoinRequestsError extends TooManyRequestsError {
  readonly code = 'too-many-join-requests';

  constructor(retryAfterSeconds: number) {
    super('Too many join requests; try again in a moment', retryAfterSeconds);
  }
}

export class ChatReadOnlyError extends ForbiddenError {
  readonly code = 'chat-read-only';

  constructor() {
    super('Observers read the class chat; only its hosts and trainees write in it');
  }
}

export class ChatMessageNotFoundError extends NotFoundError {
  readonly code = 'chat-message-not-found';

  constructor() {
    super('Chat message');
  }
}

export class TooManyChatMessagesError extends TooManyRequestsError {
  readonly code = 'too-many-chat-messages';

  constructor(retryAfterSeconds: number) {
    super('Too many chat messages; wait a moment before sending more', retryAfterSeconds);
  }
}
