/**
 * A share (0..1) as a percentage in the reader's language, one style for the whole app: "40 %" with
 * a narrow space in French, "40%" in English, Arabic's own sign in Arabic (as Intl writes them).
 */
export function formatPercent(share: number, locale: string, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits }).format(share);
}
