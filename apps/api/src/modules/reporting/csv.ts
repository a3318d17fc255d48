/** Characters that make a spreadsheet read a cell as a formula (CSV injection), tab and CR included. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: a cell that a spreadsheet would run as a formula gets a leading single quote (shown
 * as text, OWASP's advice), then RFC 4180 quoting when it holds a separator, quote or line break.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole file for Excel: UTF-8 with a byte order mark, CRLF line ends, cells split by `separator`
 * (`;` for a French or Arabic Excel, which reads `,` as the decimal mark; no `sep=` line, which
 * would make Excel ignore the byte order mark).
 */
export function toCsv(
  header: string[],
  rows: (string | number | null)[][],
  separator: ',' | ';' = ',',
): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(separator)).join('\r\n')}\r\n`;
}
