import { intlLocale } from '@mre/contracts';
import { useLocale } from '@/shared/hooks/use-locale';

/**
 * Formats a span of calendar dates (YYYY-MM-DD) in the UI language. They are days, not instants:
 * read and written in UTC, they show the same days in every time zone.
 */
export function useFormatDayRange(): (from: string, to: string) => string {
  const [locale] = useLocale();
  const format = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' });
  return (from, to) => format.formatRange(new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`));
}
