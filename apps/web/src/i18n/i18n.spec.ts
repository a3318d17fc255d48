import { ERROR_CODES } from '@mre/contracts';
import { describe, expect, it } from 'vitest';
import ar from './ar.json';
import en from './en.json';
import fr from './fr.json';
import { createI18n, i18nLoaded, withAllTexts } from './i18n';

const LANGUAGES = { ar, fr, en };

/** Every key path of a translation tree, as `a.b.c`; plural forms (Arabic has six) count as one. */
function keys(tree: object, prefix = ''): string[] {
  const paths = Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
  return [...new Set(paths.map((path) => path.replace(/_(zero|one|two|few|many|other)$/, '')))];
}

describe('translations', () => {
  it('say the same things in Arabic, French and English', () => {
    expect(keys(ar).sort()).toEqual(keys(en).sort());
    expect(keys(fr).sort()).toEqual(keys(en).sort());
  });

  it('have a sentence for every error code the API answers, and none for a code it does not', () => {
    for (const [language, tree] of Object.entries(LANGUAGES)) {
      const codes = tree.errors.codes as Record<string, string>;
      expect({ language, codes: Object.keys(codes).sort() }).toEqual({
        language,
        codes: [...ERROR_CODES].sort(),
      });
      for (const code of ERROR_CODES)
        expect(codes[code].trim().length, `${language} ${code}`).toBeGreaterThan(0);
    }
  });
});

describe('texts downloaded as they are needed', () => {
  it('open the first screens with their own texts, any other page and a new language with all of them', async () => {
    localStorage.setItem('mre.locale', 'fr');
    const sut = createI18n(localStorage);
    await i18nLoaded(sut);
    expect(sut.t('auth.login.title')).toBe(fr.auth.login.title);
    expect(sut.exists('profile.title')).toBe(false); // the profile page's, not a first screen's

    // A page outside the first screens renders once its loader, which waits for the rest, is done.
    const profilePage = await withAllTexts(() => Promise.resolve('profile page'))();
    expect(profilePage).toBe('profile page');
    expect(sut.t('profile.title')).toBe(fr.profile.title);
    expect(sut.t('errors.codes.course-not-found')).toBe(fr.errors.codes['course-not-found']);
    expect(sut.t('errors.network')).toBe(fr.errors.network); // both parts of a section kept

    await sut.changeLanguage('ar');
    expect(sut.t('profile.title')).toBe(ar.profile.title);
    expect(sut.t('auth.login.title')).toBe(ar.auth.login.title);
    expect(document.documentElement.dir).toBe('rtl');
  });
});
