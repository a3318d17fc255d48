import { DateTime } from 'luxon';

/**
 * The start instants of a weekly series: the same wall-clock time in `timeZone` every week, so a
 * class at 18:00 in Toronto stays at 18:00 there across daylight-saving changes (and a class in
 * Casablanca keeps its local hour when Morocco moves to UTC+0 for Ramadan).
 * A local time that does not exist on a change day (skipped hour) moves forward by the gap.
 */
export function weeklyStarts(firstStart: Date, weeks: number, timeZone: string): Date[] {
  const first = DateTime.fromJSDate(firstStart, { zone: timeZone });
  return Array.from({ length: weeks }, (_, week) => first.plus({ weeks: week }).toUTC().toJSDate());
}

/** Parses an ISO 8601 instant that must carry an offset or Z: a bare local time is ambiguous. */
export function parseInstantWithOffset(value: string): Date | null {
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim())) return null;
  const parsed = DateTime.fromISO(value.trim(), { setZone: true });
  return parsed.isValid ? parsed.toJSDate() : null;
}
