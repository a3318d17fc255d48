import { describe, expect, it } from 'vitest';
import { createI18n, i18nLoaded, loadAllTexts } from './i18n';

/** A browser's storage with nothing in it: the app starts in French. */
function emptyStorage(): Storage {
  const values = new Map<string, string>();
  return {
    get length() {
      return values.size;
    },
    clear: () => values.clear(),
    getItem: (key) => values.get(key) ?? null,
    key: (index) => [...values.keys()][index] ?? null,
    removeItem: (key) => void values.delete(key),
    setItem: (key, value) => void values.set(key, value),
  };
}

describe('texts fetched on demand', () => {
  it('starts with the sign-in page’s texts only, then has every text of every language it read', async () => {
    const i18n = createI18n(emptyStorage());
    await i18nLoaded(i18n);
    expect(i18n.language).toBe('fr');
    expect(i18n.t('auth.login.title')).toBe('Connexion à MRE Academy');
    // Not yet: the schedule's texts come with the pages behind the sign-in.
    expect(i18n.exists('schedule.title')).toBe(false);

    // Signing in switches to the profile's language before those pages load.
    await i18n.changeLanguage('ar');
    await loadAllTexts(i18n);
    expect(i18n.t('schedule.title')).toBe('جدولي');
    // The page's first language is complete too, should the person switch back to it.
    await i18n.changeLanguage('fr');
    expect(i18n.t('schedule.title')).toBe('Mon agenda');
    // And a language read for the first time afterwards comes whole.
    await i18n.changeLanguage('en');
    expect(i18n.exists('schedule.title')).toBe(true);
    expect(i18n.exists('auth.login.title')).toBe(true);
  });
});
