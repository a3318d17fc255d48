import { csvCell, toCsv } from './csv';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x.test","y")', `"'=HYPERLINK(""http://x.test"",""y"")"`],
    ['+212600000000', "'+212600000000"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
  ])('escapes %j so that no spreadsheet runs it', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('leaves plain text alone and quotes separators, quotes and line breaks', () => {
    expect(csvCell('Salma Berrada')).toBe('Salma Berrada');
    expect(csvCell('سلمى بنعلي')).toBe('سلمى بنعلي');
    expect(csvCell('Kénitra, Maroc')).toBe('"Kénitra, Maroc"');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(null)).toBe('');
    expect(csvCell('Jean-Pierre')).toBe('Jean-Pierre');
  });
});

describe('toCsv', () => {
  it('starts with a BOM and ends lines with CRLF', () => {
    expect(toCsv(['a', 'b'], [['1', '=2']])).toBe("\uFEFFa,b\r\n1,'=2\r\n");
  });
});
