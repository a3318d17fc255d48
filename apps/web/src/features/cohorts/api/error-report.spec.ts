import { describe, expect, it } from 'vitest';
import { csvCell, errorReportCsv, readOriginalFile } from './error-report';

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
    const sut = errorReportCsv(
      [
        { row: 3, message: 'email is missing' },
        { row: 7, message: 'ali@@x is not an e-mail' },
      ],
      { describe: (error) => error.message, labels: { row: 'Row', problem: 'Problem' }, separator: ',' },
    );

    expect(sut).toBe('\uFEFFRow,Problem\r\n3,email is missing\r\n7,ali@@x is not an e-mail\r\n');
  });

  it('repeats each refused row as it was in the file, in the reader’s words and separator', () => {
    const original = readOriginalFile(
      '\uFEFFemail;full_name;role\r\nok@x.test;Amina;trainee\r\n;"Ali; fils";trainee\r\n',
    );

    const sut = errorReportCsv([{ row: 3, code: 'email-missing', params: {}, message: 'email is missing' }], {
      describe: () => 'L’e-mail manque',
      labels: { row: 'Ligne', problem: 'Problème' },
      separator: ';',
      original,
    });

    expect(sut).toBe(
      '\uFEFFLigne;Problème;email;full_name;role\r\n3;L’e-mail manque;;"Ali; fils";trainee\r\n',
    );
  });
});
