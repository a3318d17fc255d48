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
  // Canadian English writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
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
