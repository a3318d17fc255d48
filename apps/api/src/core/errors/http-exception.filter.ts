import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { DomainError, TooManyRequestsError } from './domain-error';

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

/** Maps every error to Nest's `{statusCode, error, message}` shape; unknown errors never leak details. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = this.describe(exception);
    if (exception instanceof TooManyRequestsError) reply.header('Retry-After', String(exception.retryAfterSeconds));
    void reply.status(status).send(body);
  }

  private describe(exception: unknown): { status: number; body: Record<string, unknown> } {
    if (exception instanceof DomainError) {
      return {
        status: exception.status,
        body: { statusCode: exception.status, error: REASONS[exception.status], message: exception.message, ...exception.details },
      };
    }
    if (exception instanceof HttpException) {
      const response = exception.getResponse();
      const body = typeof response === 'string' ? { message: response } : (response as Record<string, unknown>);
      const status = exception.getStatus();
      return { status, body: { statusCode: status, error: REASONS[status] ?? exception.name, ...body } };
    }
    if (isInvalidTextRepresentation(exception)) {
      return { status: 400, body: { statusCode: 400, error: REASONS[400], message: 'A value has the wrong format' } };
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const status = HttpStatus.INTERNAL_SERVER_ERROR;
    return { status, body: { statusCode: status, error: REASONS[status], message: 'Internal server error' } };
  }
}

function isInvalidTextRepresentation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string })?.code === '22P02';
}
