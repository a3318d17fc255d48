import { pageLocale } from './web-app-locale';

const page = (url: string, headers: { cookie?: string; 'accept-language'?: string } = {}) =>
  pageLocale({ url, headers });

describe('the language a page will open in', () => {
  it('follows the link first, then the language chosen before, then the browser, then French', () => {
    const everything = { cookie: 'mre.locale=fr', 'accept-language': 'ar-MA,ar;q=0.9' };
    expect(page('/accept-invite?token=x&lang=en', everything)).toBe('en');
    expect(page('/login', everything)).toBe('fr');
    expect(page('/login', { 'accept-language': 'ar-MA,ar;q=0.9,fr;q=0.8' })).toBe('ar');
    expect(page('/login')).toBe('fr');
  });

  it('reads the browser’s preferences by weight and skips languages the app does not speak', () => {
    expect(page('/', { 'accept-language': 'de-CH, de;q=0.9, en;q=0.5, fr;q=0.7' })).toBe('fr');
    expect(page('/', { 'accept-language': 'es, ar;q=0' })).toBe('fr');
    expect(page('/', { 'accept-language': 'EN-CA' })).toBe('en');
  });

  it('ignores a language it does not know, wherever it comes from', () => {
    expect(page('/login?lang=de', { cookie: 'other=1; mre.locale=xx', 'accept-language': 'ar' })).toBe('ar');
  });
});
