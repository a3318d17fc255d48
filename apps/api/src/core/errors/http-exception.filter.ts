import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { postgresErrorCode } from '@/core/database/postgres-errors';
import type { ErrorCode } from '@mre/contracts';
import { DomainError, TooManyRequestsError } from './domain-error';

/** The code of an error Nest or a plugin raised (no domain error): by its status. */
const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'invalid-input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  410: 'gone',
  413: 'payload-too-large',
  429: 'too-many-requests',
  503: 'service-unavailable',
};

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  425: 'Too Early',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * Maps every error to `{statusCode, error, message, code, details?}` (API.md): `code` is stable for
 * clients to translate; a domain error's details also stay at the top level, where the contract
 * first put them (`opensAt` on a 425). Unknown errors never leak details.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = this.describe(exception);
    if (exception instanceof TooManyRequestsError)
      reply.header('Retry-After', String(exception.retryAfterSeconds));
    void reply.status(status).send(body);
  }

  private describe(exception: unknown): { status: number; body: Record<string, unknown> } {
    if (exception instanceof DomainError) {
      return {
        status: exception.status,
        body: {
          statusCode: exception.status,
          error: REASONS[exception.status],
          message: exception.message,
          code: exception.code,
          ...(Object.keys(exception.details).length > 0 && {
            ...exception.details,
            details: exception.details,
          }),
        },
      };
    }
    if (exception instanceof HttpException) {
      const response = exception.getResponse();
      const body =
        typeof response === 'string' ? { message: response } : (response as Record<string, unknown>);
      const status = exception.getStatus();
      // The validation pipe lists every bad field in `message`.
      const code: ErrorCode =
        status === 400 && Array.isArray(body.message)
          ? 'validation-failed'
          : (CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal-error' : 'invalid-input'));
      return {
        status,
        body: { statusCode: status, error: REASONS[status] ?? exception.name, ...body, code },
      };
    }
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`Database unavailable: ${exception.message}`);
      return {
        status: 503,
        body: {
          statusCode: 503,
          error: REASONS[503],
          message: 'The database is unavailable right now; try again in a moment',
          code: 'database-unavailable',
        },
      };
    }
    if (isInvalidTextRepresentation(exception)) {
      return {
        status: 400,
        body: {
          statusCode: 400,
          error: REASONS[400],
          message: 'A value has the wrong format',
          code: 'invalid-format',
        },
      };
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const status = HttpStatus.INTERNAL_SERVER_ERROR;
    return {
      status,
      body: {
        statusCode: status,
        error: REASONS[status],
        message: 'Internal server error',
        code: 'internal-error',
      },
    };
  }
}

/**
 * A value PostgreSQL cannot read: not a UUID or number (22P02), or text holding a NUL character
 * (22021 in a text column, 22P05 inside jsonb, as an audit entry's data).
 */
function isInvalidTextRepresentation(error: unknown): boolean {
  return ['22P02', '22021', '22P05'].includes(postgresErrorCode(error) ?? '');
}

/** The connection failed or PostgreSQL is shutting down: a passing outage, not a bug (503, not 500). */
function isDatabaseUnavailable(error: unknown): error is Error {
  // Not `instanceof Error`: socket errors can come from another realm (Node internals under a VM).
  if (typeof error !== 'object' || error === null || typeof (error as Error).message !== 'string')
    return false;
  const driver =
    error instanceof QueryFailedError
      ? (error.driverError as { code?: string })
      : (error as { code?: string });
  const code = driver?.code ?? '';
  return (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'EPIPE',
      '57P01',
      '57P02',
      '57P03',
      '08000',
      '08001',
      '08003',
      '08006',
    ].includes(code) ||
    /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Connection ended/i.test(
      (error as Error).message,
    )
  );
}
