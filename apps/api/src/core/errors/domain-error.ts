import { HttpStatus } from '@nestjs/common';
import type { ErrorCode } from '@mre/contracts';

/** Values a client puts into its own sentence for a code (`opensAt`, `retryAfterSeconds`...). */
export type ErrorDetails = Record<string, string | number>;

/**
 * Errors a context throws for its rules. Contexts subclass these; the global filter maps them to
 * HTTP, so that services never format HTTP themselves. The `code` is what clients translate; the
 * message is English, for API users and the logs.
 */
export abstract class DomainError extends Error {
  abstract readonly status: HttpStatus;
  abstract readonly code: ErrorCode;
  readonly details: ErrorDetails = {};

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidInputError extends DomainError {
  readonly status = HttpStatus.BAD_REQUEST;
  readonly code: ErrorCode = 'invalid-input';
}

export class UnauthorizedError extends DomainError {
  readonly status = HttpStatus.UNAUTHORIZED;
  readonly code: ErrorCode = 'unauthorized';
}

export class ForbiddenError extends DomainError {
  readonly status = HttpStatus.FORBIDDEN;
  readonly code: ErrorCode = 'forbidden';
}

export class NotFoundError extends DomainError {
  readonly status = HttpStatus.NOT_FOUND;
  readonly code: ErrorCode = 'not-found';

  constructor(what: string) {
    super(`${what} not found`);
  }
}

export class ConflictError extends DomainError {
  readonly status = HttpStatus.CONFLICT;
  readonly code: ErrorCode = 'conflict';
}

export class PayloadTooLargeError extends DomainError {
  readonly status = HttpStatus.PAYLOAD_TOO_LARGE;
  readonly code: ErrorCode = 'payload-too-large';
}

export class UnsupportedMediaTypeError extends DomainError {
  readonly status = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
  readonly code: ErrorCode = 'invalid-format';
}

export class GoneError extends DomainError {
  readonly status = HttpStatus.GONE;
  readonly code: ErrorCode = 'gone';
}

export class TooManyRequestsError extends DomainError {
  readonly status = HttpStatus.TOO_MANY_REQUESTS;
  readonly code: ErrorCode = 'too-many-requests';

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.details.retryAfterSeconds = retryAfterSeconds;
    this.details.retryAfterMinutes = Math.ceil(retryAfterSeconds / 60);
  }
}

export class ServiceUnavailableError extends DomainError {
  readonly status = HttpStatus.SERVICE_UNAVAILABLE;
  readonly code: ErrorCode = 'service-unavailable';
}

/** An id in the request that names nothing (`courseId`, `userId`...): `details.field` says which. */
export class UnknownReferenceError extends InvalidInputError {
  readonly code = 'unknown-reference';

  constructor(field: string, what: string) {
    super(`${field} does not name ${what}`);
    this.details.field = field;
  }
}
