export const LOCALES = ['ar', 'fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';
export const DEFAULT_TIME_ZONE = 'Africa/Casablanca';

/** The place an IANA zone is named after, as people say it: `Casablanca`, `New York`. */
export function zonePlace(timeZone: string): string {
  return (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
}

/** Text kept in the programme's three languages; at least one is present. */
export type LocalizedText = Partial<Record<Locale, string>>;

export function isRtl(locale: Locale): boolean {
  return locale === 'ar';
}

/** Picks the text in the wanted language, else the first language that has one. */
export function pickLocalized(text: LocalizedText | null | undefined, locale: Locale): string {
  if (!text) return '';
  return text[locale] ?? text.fr ?? text.en ?? text.ar ?? '';
}
