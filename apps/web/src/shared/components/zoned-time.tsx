import { useTranslation } from 'react-i18next';
import { formatInZone, zoneAt } from '@/shared/lib/zoned-time';

interface ZonedTimeProps {
  instant: string | Date;
  /** The end of a range that starts at `instant`, shown as a time only. */
  until?: string;
  timeZone: string;
  options: Intl.DateTimeFormatOptions;
  zoneTestId?: string;
}

/** A zone label is never split over two lines (a phone would otherwise break "UTC-" from "5"). */
export const UNBROKEN = { whiteSpace: 'nowrap' } as const;

/**
 * "19:00 – 20:30 (Toronto, UTC-5)". Time and zone are isolated (<bdi>) so that an Arabic sentence
 * around them keeps them intact and reads right to left.
 */
export function ZonedTime({ instant, until, timeZone, options, zoneTestId }: ZonedTimeProps) {
  const { i18n } = useTranslation();
  const start = formatInZone(instant, i18n.language, timeZone, options);
  const time = until
    ? `${start} – ${formatInZone(until, i18n.language, timeZone, { timeStyle: 'short' })}`
    : start;
  return (
    <>
      <bdi>{time}</bdi> (
      <bdi data-testid={zoneTestId} style={UNBROKEN}>
        {zoneAt(instant, timeZone)}
      </bdi>
      )
    </>
  );
}
