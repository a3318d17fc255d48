import { HttpStatus } from '@nestjs/common';

/**
 * Errors a context throws for its rules. Contexts subclass these; the global filter maps them to
 * HTTP, so that services never format HTTP themselves.
 */
export abstract class DomainError extends Error {
  abstract readonly status: HttpStatus;
  /** Extra fields for the response body (`opensAt`, `retryAfterSeconds`...). */
  readonly details: Record<string, unknown> = {};

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class InvalidInputError extends DomainError {
  readonly status = HttpStatus.BAD_REQUEST;
}

export class UnauthorizedError extends DomainError {
  readonly status = HttpStatus.UNAUTHORIZED;
}

export class ForbiddenError extends DomainError {
  readonly status = HttpStatus.FORBIDDEN;
}

export class NotFoundError extends DomainError {
  readonly status = HttpStatus.NOT_FOUND;

  constructor(what: string) {
    super(`${what} not found`);
  }
}

export class ConflictError extends DomainError {
  readonly status = HttpStatus.CONFLICT;
}

export class GoneError extends DomainError {
  readonly status = HttpStatus.GONE;
}

export class TooManyRequestsError extends DomainError {
  readonly status = HttpStatus.TOO_MANY_REQUESTS;

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.details.retryAfterSeconds = retryAfterSeconds;
  }
}

export class ServiceUnavailableError extends DomainError {
  readonly status = HttpStatus.SERVICE_UNAVAILABLE;
}
