import { LOCALES, type ImportRowProblem } from '@mre/contracts';
import type { ImportRowError } from './import-job.entity';

type Params = Record<string, string>;

const ENGLISH: Record<ImportRowProblem, (p: Params) => string> = {
  'unreadable-row': (p) => `the row cannot be read as CSV (${p.detail})`,
  'email-missing': () => 'email is missing',
  'email-invalid': (p) => `"${p.email}" is not a valid e-mail address`,
  'email-repeated': (p) => `${p.email} is already on row ${p.firstRow}`,
  'name-missing': () => 'full_name is missing',
  'name-too-long': (p) => `full_name is longer than ${p.max} characters`,
  'locale-unknown': (p) => `locale "${p.locale}" is not one of ${LOCALES.join(', ')}`,
  'time-zone-unknown': (p) => `time_zone "${p.timeZone}" is not an IANA time zone such as Africa/Casablanca`,
  'not-enrollable': (p) => `${p.email} cannot be enrolled in this cohort`,
};

/** A row the import left out: a code and values for the web to translate, and the same in English. */
export function rowError(row: number, code: ImportRowProblem, params: Params = {}): ImportRowError {
  return { row, code, params, message: ENGLISH[code](params) };
}
