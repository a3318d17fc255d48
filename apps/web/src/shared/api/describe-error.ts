import type { TFunction } from 'i18next';
import { ApiError } from '@mre/api-client';

const KEY_BY_STATUS: Record<number, string> = {
  400: 'errors.validation',
  401: 'errors.unauthorized',
  403: 'errors.forbidden',
  404: 'errors.notFound',
  409: 'errors.conflict',
  429: 'errors.tooManyRequests',
};

/**
 * A sentence for the user. Validation answers also carry the server's own list (in English),
 * which is the only place that names the bad field.
 */
export function describeError(error: unknown, t: TFunction): { message: string; details: string[] } {
  if (!(error instanceof ApiError)) return { message: t('errors.network'), details: [] };
  const key = KEY_BY_STATUS[error.status] ?? 'errors.server';
  return { message: t(key), details: error.status === 400 ? error.messages : [] };
}
