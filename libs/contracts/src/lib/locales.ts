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

/**
 * The locale dates are written in, by the app and by e-mails and certificates alike, so that a month
 * has one spelling everywhere: Moroccan Arabic for Arabic (the programme's readers: يناير … دجنبر,
 * a 24-hour clock, Western digits), the language itself otherwise.
 */
export function intlLocale(locale: string): string {
  return locale === 'ar' ? 'ar-MA' : locale;
}

export function isRtl(locale: Locale): boolean {
  return locale === 'ar';
}

/** Picks the text in the wanted language, else the first language that has one. */
export function pickLocalized(text: LocalizedText | null | undefined, locale: Locale): string {
  if (!text) return '';
  return text[locale] ?? text.fr ?? text.en ?? text.ar ?? '';
}

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/;

/** A text given as plain text, kept in the language its letters say: Arabic, else French. */
export function localizedFromPlain(text: string): LocalizedText {
  const plain = text.trim();
  return ARABIC_LETTER.test(plain) ? { ar: plain } : { fr: plain };
}

/** Without blank languages. */
export function compactLocalized(text: LocalizedText): LocalizedText {
  return Object.fromEntries(
    Object.entries(text)
      .map(([locale, value]) => [locale, value?.trim()])
      .filter(([, value]) => value),
  );
}

/**
 * The texts after a change: `texts` replaces them all; a plain `text` (as older clients send it)
 * sets the language its letters say and keeps the others.
 */
export function changedLocalized(
  current: LocalizedText,
  change: { text?: string; texts?: LocalizedText },
): LocalizedText {
  if (change.texts) return compactLocalized(change.texts);
  if (change.text !== undefined) return { ...current, ...localizedFromPlain(change.text) };
  return current;
}
