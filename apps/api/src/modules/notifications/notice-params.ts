import { pickLocalized, type Locale, type LocalizedText } from '@mre/contracts';

const isLocalized = (value: unknown): value is LocalizedText =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).every((k) => k === 'ar' || k === 'fr' || k === 'en');

/**
 * A notice's params as an e-mail template reads them, in the recipient's language: strings and
 * numbers as they are; a text in several languages (`{ar, fr, en}`) as the recipient's (or
 * another), under the name without its final `s` if it has one (`titles` gives `title`).
 */
export function mailParams(params: Record<string, unknown>, locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string') out[key] = value;
    else if (typeof value === 'number') out[key] = String(value);
  }
  for (const [key, value] of Object.entries(params)) {
    if (!isLocalized(value)) continue;
    const text = pickLocalized(value, locale);
    if (text) out[key.endsWith('s') ? key.slice(0, -1) : key] = text;
  }
  return out;
}
