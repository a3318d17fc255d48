/** Moroccan usage, also in Arabic: Western digits, as on the ministry's reports (and the dashboard). */
const DIGITS = { numberingSystem: 'latn' } as const;

/**
 * A share (0..1) as a percentage in the reader's language, one style for the whole app, as Intl
 * writes it: "40 %" (narrow no-break space) in French, "40%" in English, Arabic's own in Arabic.
 */
export function formatPercent(share: number, locale: string, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(locale, { ...DIGITS, style: 'percent', maximumFractionDigits }).format(share);
}
