import { DateTime } from 'luxon';

/** The API's default (JOIN_WINDOW_MINUTES); the API stays the authority when someone joins. */
export const JOIN_WINDOW_MINUTES = 15;

interface Timed {
  startsAt: string;
  endsAt: string;
  status: string;
}

export type JoinPhase = 'not-yet' | 'open' | 'ended' | 'cancelled';

export function opensAt(session: Timed): Date {
  return new Date(Date.parse(session.startsAt) - JOIN_WINDOW_MINUTES * 60_000);
}

export function joinPhase(session: Timed, now: number): JoinPhase {
  if (session.status === 'cancelled') return 'cancelled';
  if (now >= Date.parse(session.endsAt)) return 'ended';
  return now >= opensAt(session).getTime() ? 'open' : 'not-yet';
}

/** Intl formatters of one instant in one zone, in the UI language. */
export function formatInZone(
  instant: string | Date,
  locale: string,
  timeZone: string,
  options: Intl.DateTimeFormatOptions,
): string {
  return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(new Date(instant));
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

/** The wall-clock date and time of an instant in a zone, as the date and time inputs want them. */
export function toLocalParts(instant: string, timeZone: string): { date: string; time: string } {
  const local = DateTime.fromISO(instant, { zone: timeZone });
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
