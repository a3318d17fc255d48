import { intlLocale } from '@mre/contracts';
import { useLocale } from '@/shared/hooks/use-locale';

// Moroccan usage, also in Arabic: Western digits, as on the ministry's reports.
const DIGITS = { numberingSystem: 'latn' } as const;

/** Numbers, percentages and months of the dashboard in the UI language. */
export function useReportFormat() {
  const [locale] = useLocale();
  const number = new Intl.NumberFormat(locale, { ...DIGITS, maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { ...DIGITS, style: 'percent', maximumFractionDigits: 1 });
  const month = new Intl.DateTimeFormat(intlLocale(locale), {
    ...DIGITS,
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return {
    number: (value: number) => number.format(value),
    /** A share given in percent (0–100); null when there is nothing to measure. */
    percent: (value: number | null) => (value === null ? '—' : percent.format(value / 100)),
    /** "2026-03" → "Mar 2026". */
    month: (value: string) => month.format(new Date(`${value}-01T00:00:00Z`)),
  };
}
