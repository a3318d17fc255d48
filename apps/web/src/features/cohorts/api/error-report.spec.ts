import { describe, expect, it } from 'vitest';
import { csvCell, errorReportCsv } from './error-report';

describe('error report', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+33 6', "'+33 6"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['x;y', '"x;y"'],
  ])('writes %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('has a header, one line per refused row, and a BOM for spreadsheets', () => {
    const sut = errorReportCsv([
      { row: 3, message: 'email is missing' },
      { row: 7, message: 'ali@@x is not an e-mail' },
    ]);

    expect(sut).toBe('\uFEFFrow,message\r\n3,email is missing\r\n7,ali@@x is not an e-mail\r\n');
  });
});
