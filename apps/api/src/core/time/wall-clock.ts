import { DateTime } from 'luxon';

/**
 * Wall-clock times and the instants they stand for. A class is agreed at a local hour in a zone
 * ("10:00 in Casablanca"); the instant is derived from it with the runtime's rules (luxon over
 * Intl, so Node's ICU tz data), and derived again when those rules change.
 *
 * A wall-clock time is ISO 8601 without an offset: `2026-09-22T10:00:00` (milliseconds only when not 0).
 */
export type WallClock = string;

const WALL_CLOCK = { includeOffset: false, suppressMilliseconds: true } as const;

/** The wall-clock time of an instant in a zone. */
export function wallClockOf(instant: Date, timeZone: string): WallClock {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISO(WALL_CLOCK) as WallClock;
}

/**
 * The instant of a wall-clock time in a zone, with the rules in force. A time that does not exist
 * on a change day (the skipped hour) moves forward by the gap; a repeated one takes its first instant.
 */
export function instantOf(wallClock: WallClock, timeZone: string): Date {
  return DateTime.fromISO(wallClock, { zone: timeZone }).toJSDate();
}

/** The same wall-clock time, week after week: counted on the calendar, not in hours. */
export function weeklyWallClocks(first: WallClock, weeks: number): WallClock[] {
  const start = DateTime.fromISO(first, { zone: 'UTC' });
  return Array.from(
    { length: weeks },
    (_, week) => start.plus({ weeks: week }).toISO(WALL_CLOCK) as WallClock,
  );
}

/**
 * A wall-clock time moved by the change from `from` to `to`, counted on the wall clock (not in
 * elapsed hours): moving a series' 10:00 Monday to 11:00 Tuesday moves each later 10:00 Monday
 * to 11:00 Tuesday, whatever offsets those days have.
 */
export function shiftedWallClock(wallClock: WallClock, from: WallClock, to: WallClock): WallClock {
  const naive = (value: WallClock) => DateTime.fromISO(value, { zone: 'UTC' });
  const change = naive(to).diff(naive(from));
  return naive(wallClock).plus(change).toISO(WALL_CLOCK) as WallClock;
}

/** The zone's offset from UTC at an instant, as people read it: `UTC+0`, `UTC-5`, `UTC+5:30`. */
export function utcOffsetLabel(instant: Date, timeZone: string): string {
  return formatUtcOffset(DateTime.fromJSDate(instant, { zone: timeZone }).offset);
}

/** An offset in minutes as people read it: `UTC+0`, `UTC-5`, `UTC+5:30`. */
export function formatUtcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

/** Parses an ISO 8601 instant that must carry an offset or Z: a bare local time is ambiguous. */
export function parseInstantWithOffset(value: string): Date | null {
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim())) return null;
  const parsed = DateTime.fromISO(value.trim(), { setZone: true });
  return parsed.isValid ? parsed.toJSDate() : null;
}
