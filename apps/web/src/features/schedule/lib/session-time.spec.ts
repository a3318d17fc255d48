import { describe, expect, it } from 'vitest';
import { joinPhase, toInstantWithOffset } from './session-time';

describe('session times', () => {
  it('turns a wall-clock time in a zone into an instant with that zone’s offset', () => {
    // Toronto is on EDT (−04:00) from 9 March 2031, on EST (−05:00) before.
    expect(toInstantWithOffset('2031-03-12', '19:00', 'America/Toronto')).toBe('2031-03-12T19:00:00-04:00');
    expect(toInstantWithOffset('2031-03-05', '19:00', 'America/Toronto')).toBe('2031-03-05T19:00:00-05:00');
    expect(toInstantWithOffset('2031-03-13', '00:00', 'Africa/Casablanca')).toBe('2031-03-13T00:00:00+01:00');
  });

  it('refuses a date that does not exist', () => {
    expect(toInstantWithOffset('2031-02-30', '10:00', 'Europe/Paris')).toBeNull();
  });

  it('opens the join window 15 minutes before the start, until the end', () => {
    const session = { startsAt: '2031-03-12T23:00:00Z', endsAt: '2031-03-13T00:30:00Z', status: 'scheduled' };
    expect(joinPhase(session, Date.parse('2031-03-12T22:44:59Z'))).toBe('not-yet');
    expect(joinPhase(session, Date.parse('2031-03-12T22:45:00Z'))).toBe('open');
    expect(joinPhase(session, Date.parse('2031-03-13T00:30:00Z'))).toBe('ended');
    expect(joinPhase({ ...session, status: 'cancelled' }, Date.parse('2031-03-12T23:00:00Z'))).toBe(
      'cancelled',
    );
  });
});
