import type { TFunction } from 'i18next';
import type { Schemas } from '@mre/api-client';

type RowError = Schemas['ImportRowErrorDto'];

// First-strong isolates: an e-mail or a time zone keeps its own direction inside an Arabic sentence.
const isolate = (value: string) => `\u2068${value}\u2069`;

/**
 * What is wrong with a refused row, in the reader's language; the API's English message for
 * imports stored before rows had codes. `bidi: false` leaves out the isolates (for files).
 */
export function rowProblemText(t: TFunction, error: RowError, { bidi = true } = {}): string {
  if (!error.code) return error.message;
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(error.params ?? {}))
    params[name] = bidi ? isolate(value) : value;
  return t(`cohorts.import.problems.${error.code}`, params);
}
