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

/** The file as imported: its header's cells, and each line's cells by line number (the header's is 1). */
export interface OriginalFile {
  header: string[];
  lines: Map<number, string[]>;
}

/** The cells of one line, split on `separator`, quotes honoured. */
function cellsOf(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

/** Reads the imported file's lines, to repeat a refused row as it was (separator guessed as the API does). */
export function readOriginalFile(text: string): OriginalFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const first = lines[0] ?? '';
  const separator = (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
  return {
    header: cellsOf(first, separator),
    lines: new Map(lines.map((line, index) => [index + 1, cellsOf(line, separator)])),
  };
}

export interface ErrorReportOptions {
  /** Words each problem (in the reader's language). */
  describe: (error: RowError) => string;
  /** The report's own columns, in the reader's language. */
  labels: { row: string; problem: string };
  /** `;` for a French or Arabic Excel, which reads `,` as the decimal mark. */
  separator: ',' | ';';
  /** The imported file: each refused row is repeated after the problem, under the file's own header. */
  original?: OriginalFile;
}

/**
 * The rows an import refused, as a CSV file (with a BOM, so that Excel reads it as UTF-8): the line,
 * the problem, then the row as it was in the file, so that it can be fixed there and imported again.
 */
export function errorReportCsv(errors: RowError[], options: ErrorReportOptions): string {
  const { describe, labels, separator, original } = options;
  const lines = [
    [labels.row, labels.problem, ...(original?.header ?? [])],
    ...errors.map((error) => [error.row, describe(error), ...(original?.lines.get(error.row) ?? [])]),
  ];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(separator)).join('\r\n')}\r\n`;
}

/** A link target that downloads the report; a data URL needs no cleanup, unlike an object URL. */
export function errorReportHref(errors: RowError[], options: ErrorReportOptions): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(errorReportCsv(errors, options))}`;
}
