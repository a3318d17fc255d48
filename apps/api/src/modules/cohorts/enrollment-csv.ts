import { LOCALES, type Locale } from '@mre/contracts';
import { isEmail } from 'class-validator';
import { parse } from 'csv-parse/sync';
import { isTimeZone } from '@/core/http/is-time-zone';
import { InvalidCsvError } from './cohorts.errors';
import type { ImportRowError } from './import-job.entity';
import { rowError } from './import-row-error';

/** A good row of an enrollment file. `row` is its line in the file, the header being line 1. */
export interface CsvPerson {
  row: number;
  email: string;
  fullName: string;
  locale?: Locale;
  timeZone?: string;
}

export interface EnrollmentCsv {
  people: CsvPerson[];
  errors: ImportRowError[];
}

type Column = 'email' | 'fullName' | 'locale' | 'timeZone';
type ColumnIndexes = Partial<Record<Column, number>>;

/** Header names as people write them, compared without case, spaces, dashes or underscores. */
const HEADER_NAMES: Record<string, Column> = {
  email: 'email',
  mail: 'email',
  fullname: 'fullName',
  name: 'fullName',
  locale: 'locale',
  timezone: 'timeZone',
};

const MAX_NAME_LENGTH = 200;
const MAX_EMAIL_LENGTH = 254;

/** Checks at upload what can be told from the header, so that a wrong file is refused at once. */
export function assertEnrollmentCsv(file: Buffer, maxRows: number): void {
  const lines = filledLines(decode(file));
  const [header, firstRow] = lines;
  if (header === undefined) throw new InvalidCsvError('csv-empty', 'The file is empty');
  columnIndexes(
    parse(header, { bom: true, delimiter: detectDelimiter(header), trim: true, relax_quotes: true })[0] ?? [],
  );
  if (firstRow === undefined)
    throw new InvalidCsvError('csv-no-rows', 'The file has no rows under its header line');
  // One upload must not invite a hundred thousand addresses: split larger lists.
  if (lines.length - 1 > maxRows)
    throw new InvalidCsvError(
      'csv-too-many-rows',
      `The file has ${lines.length - 1} rows; at most ${maxRows} can be imported at once`,
      { rows: lines.length - 1, max: maxRows },
    );
}

/**
 * Reads the whole file: comma or semicolon (Excel in French writes `;`), with or without a BOM,
 * CRLF or LF, quoted fields, blank lines and extra columns. Every bad row is reported, the good
 * ones come back in file order.
 */
export function readEnrollmentCsv(file: Buffer): EnrollmentCsv {
  const text = decode(file);
  const errors: ImportRowError[] = [];
  const records = parse(text, {
    bom: true,
    delimiter: detectDelimiter(filledLines(text)[0] ?? ''),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
    info: true,
    skip_records_with_error: true,
    on_skip: (error) =>
      void errors.push(
        rowError(Number(error?.lines ?? 0), 'unreadable-row', { detail: error?.message ?? 'unknown error' }),
      ),
    // csv-parse's types do not model `info: true`, which wraps each record with where it was read.
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [header, ...rows] = records;
  const columns = columnIndexes(header?.record ?? []);
  const firstRowOf = new Map<string, number>();
  const people: CsvPerson[] = [];
  for (const { record, info } of rows) {
    // Spreadsheets save empty rows as `;;;`: those are blank lines too.
    if (record.every((cell) => cell === '')) continue;
    const cell = (column: Column) =>
      columns[column] === undefined ? '' : (record[columns[column] as number] ?? '');
    const person = {
      row: info.lines,
      email: cell('email').toLowerCase(),
      fullName: cell('fullName'),
      locale: cell('locale').toLowerCase(),
      timeZone: cell('timeZone'),
    };
    const problem = rowProblem(person, firstRowOf.get(person.email));
    if (problem) {
      errors.push(problem);
      continue;
    }
    firstRowOf.set(person.email, person.row);
    people.push({
      ...person,
      locale: (person.locale || undefined) as Locale | undefined,
      timeZone: person.timeZone || undefined,
    });
  }
  return { people, errors: errors.sort((a, b) => a.row - b.row) };
}

function rowProblem(
  person: { row: number; email: string; fullName: string; locale: string; timeZone: string },
  firstRow: number | undefined,
): ImportRowError | null {
  const { row, email, fullName, locale, timeZone } = person;
  if (!email) return rowError(row, 'email-missing');
  if (email.length > MAX_EMAIL_LENGTH || !isEmail(email)) return rowError(row, 'email-invalid', { email });
  if (firstRow !== undefined) return rowError(row, 'email-repeated', { email, firstRow: String(firstRow) });
  if (!fullName) return rowError(row, 'name-missing');
  if (fullName.length > MAX_NAME_LENGTH)
    return rowError(row, 'name-too-long', { max: String(MAX_NAME_LENGTH) });
  if (locale && !(LOCALES as readonly string[]).includes(locale))
    return rowError(row, 'locale-unknown', { locale });
  if (timeZone && !isTimeZone(timeZone)) return rowError(row, 'time-zone-unknown', { timeZone });
  return null;
}

/** UTF-8 text or nothing: a binary file (or a legacy Windows encoding) is refused with a hint. */
function decode(file: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(file);
  } catch {
    throw new InvalidCsvError(
      'csv-not-utf8',
      'The file is not a CSV text file in UTF-8: in Excel, save it as "CSV UTF-8"',
    );
  }
  if (text.includes('\u0000'))
    throw new InvalidCsvError('csv-binary', 'The file is not a CSV text file (it contains binary data)');
  return text;
}

function filledLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/).filter((line) => line.replace(/^\uFEFF/, '').trim() !== '');
}

/** The separator is whichever of `;` and `,` the header line uses more (outside quotes). */
function detectDelimiter(header: string): ',' | ';' {
  const bare = header.replace(/"[^"]*"/g, '');
  const count = (c: string) => bare.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

function columnIndexes(header: string[]): ColumnIndexes {
  const columns: ColumnIndexes = {};
  header.forEach((name, index) => {
    const column = HEADER_NAMES[name.toLowerCase().replace(/[\s_-]/g, '')];
    if (column && columns[column] === undefined) columns[column] = index;
  });
  const expected = 'the first line must name the columns: email, full_name, and optionally locale, time_zone';
  for (const [key, column] of [
    ['email', 'email'],
    ['fullName', 'full_name'],
  ] as const)
    if (columns[key] === undefined)
      throw new InvalidCsvError('csv-missing-column', `The file has no ${column} column: ${expected}`, {
        column,
      });
  return columns;
}
