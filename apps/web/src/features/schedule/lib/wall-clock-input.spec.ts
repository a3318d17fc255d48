import { describe, expect, it } from 'vitest';
import { toInstantWithOffset, wallClockParts } from './wall-clock-input';

describe('wall-clock input', () => {
  it('turns a wall-clock time in a zone into an instant with that zone’s offset', () => {
    // Facts of the tz database (2026c on): Toronto is on EDT (−04:00) from 9 March 2031, on EST
    // (−05:00) before; Casablanca is at UTC+0 all year since 20 September 2026; Edmonton at UTC−6
    // all year since 1 November 2026.
    expect(toInstantWithOffset('2031-03-12', '19:00', 'America/Toronto')).toBe('2031-03-12T19:00:00-04:00');
    expect(toInstantWithOffset('2031-03-05', '19:00', 'America/Toronto')).toBe('2031-03-05T19:00:00-05:00');
    expect(toInstantWithOffset('2031-03-13', '00:00', 'Africa/Casablanca')).toBe('2031-03-13T00:00:00+00:00');
    expect(toInstantWithOffset('2027-01-12', '04:00', 'America/Edmonton')).toBe('2027-01-12T04:00:00-06:00');
  });

  it('refuses a date that does not exist', () => {
    expect(toInstantWithOffset('2031-02-30', '10:00', 'Europe/Paris')).toBeNull();
  });

  it('reads the agreed wall clock for the date and time inputs as it is', () => {
    expect(wallClockParts('2026-09-22T10:00:00')).toEqual({ date: '2026-09-22', time: '10:00' });
    expect(wallClockParts('2031-03-13T00:00:00.250')).toEqual({ date: '2031-03-13', time: '00:00' });
  });
});
