import { isRtl, pickLocalized } from './locales';

describe('pickLocalized', () => {
  it('returns the text in the wanted language', () => {
    expect(pickLocalized({ ar: 'الصحة', fr: 'Santé', en: 'Health' }, 'ar')).toBe('الصحة');
  });

  it('falls back to French, then English, then Arabic', () => {
    expect(pickLocalized({ en: 'Health', fr: 'Santé' }, 'ar')).toBe('Santé');
    expect(pickLocalized({ ar: 'الصحة', en: 'Health' }, 'fr')).toBe('Health');
    expect(pickLocalized({ ar: 'الصحة' }, 'en')).toBe('الصحة');
  });

  it('returns an empty string when there is no text', () => {
    expect(pickLocalized(null, 'fr')).toBe('');
    expect(pickLocalized(undefined, 'en')).toBe('');
    expect(pickLocalized({}, 'ar')).toBe('');
  });
});

describe('isRtl', () => {
  it('is true for Arabic only', () => {
    expect(isRtl('ar')).toBe(true);
    expect(isRtl('fr')).toBe(false);
    expect(isRtl('en')).toBe(false);
  });
});
