import { DEFAULT_LOCALE, LOCALES, type Locale } from '@mre/contracts';

export interface InitialLocaleSources {
  /** What this browser remembers from an earlier choice (localStorage), if anything. */
  stored: string | null;
  /** The page address's query string: links in e-mails carry `?lang=ar`. */
  search: string;
  /** `navigator.languages`, most preferred first: `['ar-MA', 'fr']`. */
  navigatorLanguages: readonly string[];
}

function asLocale(tag: string | null | undefined): Locale | null {
  // `ar-MA`, `fr_CA`, `EN`: the language subtag decides.
  const language = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((locale) => locale === language) ?? null;
}

/**
 * The language the app opens in: the link's (`?lang=`, an invitation in Arabic opens in Arabic),
 * then the one chosen earlier in this browser, then the browser's own preferences in order (`ar-MA`
 * is Arabic), then French.
 */
export function initialLocale({ stored, search, navigatorLanguages }: InitialLocaleSources): Locale {
  const fromLink = asLocale(new URLSearchParams(search).get('lang'));
  if (fromLink) return fromLink;
  const remembered = asLocale(stored);
  if (remembered) return remembered;
  for (const tag of navigatorLanguages) {
    const locale = asLocale(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}
