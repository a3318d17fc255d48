import { describe, expect, it } from 'vitest';
import { initialLocale } from './initial-locale';

const none = { stored: null, search: '', navigatorLanguages: [] };

describe('initialLocale', () => {
  it("follows the link's language first", () => {
    expect(initialLocale({ stored: 'fr', search: '?token=abc&lang=ar', navigatorLanguages: ['en-US'] })).toBe(
      'ar',
    );
  });

  it('then the language chosen earlier in this browser', () => {
    expect(initialLocale({ stored: 'en', search: '?token=abc', navigatorLanguages: ['ar-MA'] })).toBe('en');
  });

  it("then the browser's preferences, by their language subtag and in order", () => {
    expect(initialLocale({ ...none, navigatorLanguages: ['ar-MA', 'fr-FR'] })).toBe('ar');
    expect(initialLocale({ ...none, navigatorLanguages: ['de-DE', 'en_GB', 'fr'] })).toBe('en');
    expect(initialLocale({ ...none, navigatorLanguages: ['FR-ca'] })).toBe('fr');
  });

  it('then French', () => {
    expect(initialLocale(none)).toBe('fr');
    expect(initialLocale({ ...none, navigatorLanguages: ['de', 'es-ES'] })).toBe('fr');
  });

  it('ignores what is no language of the app', () => {
    expect(initialLocale({ stored: 'de', search: '?lang=xx', navigatorLanguages: ['ar'] })).toBe('ar');
    expect(initialLocale({ stored: '', search: '?lang=', navigatorLanguages: [''] })).toBe('fr');
  });
});
