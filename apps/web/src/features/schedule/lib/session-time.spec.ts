import { describe, expect, it } from 'vitest';
import { dayKey, joinPhase } from './session-time';

describe('session times', () => {
  it('groups an instant under the viewer’s calendar day', () => {
    // tz database facts (2026c on): Toronto is at UTC−5 in January, Casablanca at UTC+0.
    expect(dayKey('2027-01-12T03:00:00Z', 'America/Toronto')).toBe('2027-01-11');
    expect(dayKey('2027-01-12T03:00:00Z', 'Africa/Casablanca')).toBe('2027-01-12');
    expect(dayKey('2027-01-12T23:30:00Z', 'Asia/Kolkata')).toBe('2027-01-13');
  });

  it('opens joining when the API says it opens, until the end', () => {
    // The API's window, whatever its length: here 10 minutes before the start at 23:00.
    const session = {
      joinOpensAt: '2031-03-12T22:50:00.000Z',
      endsAt: '2031-03-13T00:30:00.000Z',
      status: 'scheduled',
    };
    expect(joinPhase(session, Date.parse('2031-03-12T22:49:59Z'))).toBe('not-yet');
    expect(joinPhase(session, Date.parse('2031-03-12T22:50:00Z'))).toBe('open');
    expect(joinPhase(session, Date.parse('2031-03-13T00:30:00Z'))).toBe('ended');
    expect(joinPhase({ ...session, status: 'cancelled' }, Date.parse('2031-03-12T23:00:00Z'))).toBe(
      'cancelled',
    );
  });
});
