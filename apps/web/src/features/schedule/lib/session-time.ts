import { DateTime } from 'luxon';

interface Timed {
  /** From the API, which stays the authority when someone joins. */
  joinOpensAt: string;
  endsAt: string;
  status: string;
}

export type JoinPhase = 'not-yet' | 'open' | 'ended' | 'cancelled';

export function joinPhase(session: Timed, now: number): JoinPhase {
  if (session.status === 'cancelled') return 'cancelled';
  if (now >= Date.parse(session.endsAt)) return 'ended';
  return now >= Date.parse(session.joinOpensAt) ? 'open' : 'not-yet';
}

/** The calendar day of an instant in a zone (YYYY-MM-DD): sessions are grouped by the viewer's day. */
export function dayKey(instant: string, timeZone: string): string {
  return DateTime.fromISO(instant, { zone: timeZone }).toISODate() ?? instant.slice(0, 10);
}

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

export interface Countdown {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export function countdown(to: string, now: number): Countdown | null {
  const total = Math.floor((Date.parse(to) - now) / 1000);
  if (total <= 0) return null;
  return {
    days: Math.floor(total / 86_400),
    hours: Math.floor((total % 86_400) / 3600),
    minutes: Math.floor((total % 3600) / 60),
    seconds: total % 60,
  };
}
