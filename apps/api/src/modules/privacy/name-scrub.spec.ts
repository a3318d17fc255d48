import { loosePattern, NameScrubber } from './name-scrub';

describe('NameScrubber', () => {
  it('replaces the name as a whole word only, whatever its case and spacing', () => {
    const sut = new NameScrubber(['Amina Ali'], 'erased-1');
    expect(sut.text('Merci AMINA  ALI, et bonjour Amina Alioui et Mamina Ali.')).toBe(
      'Merci erased-1, et bonjour Amina Alioui et Mamina Ali.',
    );
  });

  it('treats Arabic letters as word letters', () => {
    const sut = new NameScrubber(['سلمى علي'], 'erased-2');
    expect(sut.text('شكرا سلمى علي، وسلمى عليوي هنا')).toBe('شكرا erased-2، وسلمى عليوي هنا');
  });

  it('skips names shorter than four letters', () => {
    const sut = new NameScrubber(['Al', ' fr '], 'erased-3');
    expect(sut.isEmpty).toBe(true);
    expect(sut.text('Al Andalus, fr')).toBe('Al Andalus, fr');
  });

  it('takes metacharacters in names literally', () => {
    const sut = new NameScrubber(['J.R. (Bob)'], 'erased-4');
    expect(sut.text('JxR. (Bob) and J.R. (Bob)')).toBe('JxR. (Bob) and erased-4');
  });

  it('rewrites JSON string values, never keys', () => {
    const sut = new NameScrubber(['Nord'], 'erased-5');
    expect(sut.json({ Nord: 'Nord', list: ['Région Nord', 3, null, { Nordic: 'Nordic' }] })).toEqual({
      Nord: 'erased-5',
      list: ['Région erased-5', 3, null, { Nordic: 'Nordic' }],
    });
  });
});

describe('loosePattern', () => {
  it('finds the JSON-escaped words with any spacing', () => {
    expect(loosePattern(['a"b c.d', 'x'], true)).toBe('(a\\\\"b[[:space:]]+c\\.d)');
  });
});
