import { intlLocale, zonePlace } from '@mre/contracts';

/**
 * Times as people read them across zones: "19:00 (Toronto, UTC-5)". Offsets come from the browser's
 * own tz rules at that very instant (Intl), so they follow changes such as Morocco's
 * permanent UTC+0, and are written `UTC+0` in every language rather than Intl's localized GMT names.
 */

/** Intl formatting of one instant in one zone, in the UI language. */
export function formatInZone(
  instant: string | Date,
  locale: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone }).format(new Date(instant));
}

export { zonePlace };

/** The zone's offset from UTC at an instant: `UTC+0`, `UTC-5`, `UTC+5:30`. */
export function utcOffset(instant: string | Date, timeZone: string): string {
  // Intl writes `GMT-05:00`, `GMT+05:30`, or `GMT` alone for no offset (in the `en` locale).
  const name = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(instant))
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 'UTC+0';
  const [, sign, hours, minutes] = match;
  return `UTC${sign}${Number(hours)}${minutes === '00' ? '' : `:${minutes}`}`;
}

/** Where a time is read and that zone's offset then: `Toronto, UTC-5`. */
export function zoneAt(instant: string | Date, timeZone: string): string {
  return `${zonePlace(timeZone)}, ${utcOffset(instant, timeZone)}`;
}

/**
 * A wall-clock time as the API gives it (`localStart`: ISO without offset, `2026-09-22T10:00:00`) in
 * the UI language. Formatted as is, never derived from an instant: it is the hour people agreed on.
 */
export function formatWallClock(
  wallClock: string,
  locale: string,
  options: Intl.DateTimeFormatOptions,
): string {
  // Read and written in UTC, which has no offset to add: the digits stay those of the wall clock.
  return formatInZone(new Date(`${wallClock}Z`), locale, 'UTC', options);
}
