import type { Schemas } from '@mre/api-client';

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: neutralised against formulas, quoted when it holds a separator, quote or line end. */
export function csvCell(value: string | number): string {
  const text = String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",;\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

type RowError = Schemas['ImportRowErrorDto'];

/**
 * The rows an import refused, as a CSV file (with a BOM, so that Excel reads it as UTF-8); `describe`
 * words each problem (in the reader's language), by default the API's English message.
 */
export function errorReportCsv(
  errors: RowError[],
  describe: (error: RowError) => string = (error) => error.message,
): string {
  const lines = [['row', 'message'], ...errors.map((error) => [error.row, describe(error)])];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A link target that downloads the report; a data URL needs no cleanup, unlike an object URL. */
export function errorReportHref(errors: RowError[], describe?: (error: RowError) => string): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(errorReportCsv(errors, describe))}`;
}
