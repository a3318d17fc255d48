import { QueryFailedError } from 'typeorm';

/** PostgreSQL's SQLSTATE of a failed query, when it is one. */
export function postgresErrorCode(error: unknown): string | undefined {
  return error instanceof QueryFailedError ? (error.driverError as { code?: string })?.code : undefined;
}

/** A unique constraint refused the row (23505). */
export function isUniqueViolation(error: unknown): boolean {
  return postgresErrorCode(error) === '23505';
}
