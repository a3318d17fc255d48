import type { i18n as I18n } from 'i18next';
import { ApiError } from '@mre/api-client';

/**
 * A sentence for the user in their language, chosen by the API's error `code` (with its details).
 * The API's own messages are English: they are shown only to a reader in English, and only for a
 * validation answer, where they are the one place that names the bad fields.
 */
export function describeError(error: unknown, i18n: I18n): { message: string; details: string[] } {
  if (!(error instanceof ApiError)) return { message: i18n.t('errors.network'), details: [] };
  const key = `errors.codes.${error.code}`;
  const message = error.code && i18n.exists(key) ? i18n.t(key, error.details) : i18n.t('errors.server');
  const readsEnglish = i18n.resolvedLanguage === 'en';
  return { message, details: error.code === 'validation-failed' && readsEnglish ? error.messages : [] };
}
