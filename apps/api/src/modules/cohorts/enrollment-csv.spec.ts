import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertEnrollmentCsv, readEnrollmentCsv } from './enrollment-csv';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../test/fixtures/enrollments', name));

describe('enrollment CSV', () => {
  it('reads an Excel file in French: semicolons, BOM, CRLF, quoted separators, blank rows, extra columns', () => {
    const sut = readEnrollmentCsv(fixture('excel-fr-semicolon-bom-crlf.csv'));
    expect(sut.people).toEqual([
      {
        row: 2,
        email: 'amina.benali@import.test',
        fullName: 'Benali; Amina',
        locale: 'ar',
        timeZone: 'Africa/Casablanca',
      },
      {
        row: 4,
        email: 'eloise.lefevre@import.test',
        fullName: 'Éloïse Lefèvre',
        locale: 'fr',
        timeZone: 'Europe/Paris',
      },
      {
        row: 5,
        email: 'youssef.alami@import.test',
        fullName: 'يوسف العلمي',
        locale: 'ar',
        timeZone: undefined,
      },
      {
        row: 12,
        email: 'existing.trainee@import.test',
        fullName: 'Stagiaire Existant',
        locale: undefined,
        timeZone: undefined,
      },
    ]);
    expect(sut.errors).toEqual([
      { row: 7, code: 'email-missing', params: {}, message: 'email is missing' },
      {
        row: 8,
        code: 'email-invalid',
        params: { email: 'pas-un-courriel' },
        message: '"pas-un-courriel" is not a valid e-mail address',
      },
      {
        row: 9,
        code: 'email-repeated',
        params: { email: 'amina.benali@import.test', firstRow: '2' },
        message: 'amina.benali@import.test is already on row 2',
      },
      {
        row: 10,
        code: 'locale-unknown',
        params: { locale: 'de' },
        message: 'locale "de" is not one of ar, fr, en',
      },
      {
        row: 11,
        code: 'time-zone-unknown',
        params: { timeZone: 'Mars/Olympus_Mons' },
        message: 'time_zone "Mars/Olympus_Mons" is not an IANA time zone such as Africa/Casablanca',
      },
    ]);
  });

  it('reads a comma file without BOM, with quoted commas and doubled quotes', () => {
    const sut = readEnrollmentCsv(fixture('comma-utf8-lf.csv'));
    expect(sut.people.map((p) => [p.row, p.fullName])).toEqual([
      [2, 'Haddad, Karim'],
      [3, 'نور الهدى'],
      [5, 'Zoé Müller'],
    ]);
    expect(sut.errors).toEqual([
      {
        row: 6,
        code: 'email-repeated',
        params: { email: 'karim.haddad@import.test', firstRow: '2' },
        message: 'karim.haddad@import.test is already on row 2',
      },
      { row: 7, code: 'email-missing', params: {}, message: 'email is missing' },
      { row: 8, code: 'name-missing', params: {}, message: 'full_name is missing' },
    ]);
  });

  it.each([
    ['empty.csv', 'The file is empty'],
    ['header-only.csv', 'The file has no rows under its header line'],
    ['no-email-column.csv', 'The file has no email column'],
    ['not-csv.png', 'The file is not a CSV text file'],
    ['latin1.csv', 'save it as "CSV UTF-8"'],
  ])('refuses %s at upload', (name, message) => {
    expect(() => assertEnrollmentCsv(fixture(name), 5_000)).toThrow(message);
  });
});
