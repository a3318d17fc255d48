import { DateTime } from 'luxon';

/*
 * Only the session form turns a wall clock in a zone into an instant, the one conversion Intl cannot
 * do; luxon stays in that form's chunk rather than on every page.
 */

/** A wall-clock date and time in `timeZone` as an ISO instant with its offset, or null when invalid. */
export function toInstantWithOffset(date: string, time: string, timeZone: string): string | null {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const local = DateTime.fromObject({ year, month, day, hour, minute }, { zone: timeZone });
  return local.isValid ? local.toISO({ suppressMilliseconds: true }) : null;
}

/** A wall-clock time (`localStart`, ISO without offset) as the date and time inputs want it. */
export function wallClockParts(wallClock: string): { date: string; time: string } {
  const local = DateTime.fromISO(wallClock, { zone: 'UTC' });
  return { date: local.toFormat('yyyy-MM-dd'), time: local.toFormat('HH:mm') };
}
