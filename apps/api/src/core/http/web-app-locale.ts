import { DEFAULT_LOCALE, LOCALES, type Locale } from '@mre/contracts';

/** The cookie the web app sets when the language changes (apps/web/src/i18n/i18n.ts). */
export const LOCALE_COOKIE = 'mre.locale';

const isLocale = (value: string | undefined): value is Locale => LOCALES.includes(value as Locale);

interface PageRequest {
  url: string;
  headers: { cookie?: string; 'accept-language'?: string };
}

/**
 * The language the web app will open a page in, guessed the way it decides: the link's `?lang=`,
 * then the language chosen before in this browser (its cookie), then the browser's languages in
 * their order of preference (`ar-MA` is Arabic), then French. Used only to start downloading that
 * language's texts with the page; a wrong guess costs one small file, not a wrong language.
 */
export function pageLocale({ url, headers }: PageRequest): Locale {
  const query = new URLSearchParams(url.split('?')[1] ?? '').get('lang') ?? undefined;
  if (isLocale(query)) return query;
  const cookie = cookieValue(headers, LOCALE_COOKIE);
  if (isLocale(cookie)) return cookie;
  const preferred = (headers['accept-language'] ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([\d.]+)/.exec(param)?.[1]).find(Boolean);
      return { language: tag.split('-')[0].toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ q }) => q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .find(({ language }) => isLocale(language))?.language;
  return isLocale(preferred) ? preferred : DEFAULT_LOCALE;
}

/** The value of one cookie of the request, if it has it. */
export function cookieValue(headers: PageRequest['headers'], cookie: string): string | undefined {
  return (headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === cookie)?.[1];
}
