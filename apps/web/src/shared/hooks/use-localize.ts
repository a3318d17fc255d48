import { pickLocalized, type LocalizedText } from '@mre/contracts';
import { useLocale } from './use-locale';

/**
 * Picks a text in the UI language, else in another language that has it. Render the result with
 * `dir="auto"` so that a fallback in another script keeps its own direction.
 */
export function useLocalize(): (text: LocalizedText | null | undefined) => string {
  const [locale] = useLocale();
  return (text) => pickLocalized(text, locale);
}
