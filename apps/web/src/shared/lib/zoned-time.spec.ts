import { describe, expect, it } from 'vitest';
import { formatInZone, formatWallClock, utcOffset, zoneAt, zonePlace } from './zoned-time';

// Offsets below are facts of the IANA tz database (2026c and later), which the runtime carries.
describe('zoned time', () => {
  it('names a zone by its place, as people say it', () => {
    expect(zonePlace('Africa/Casablanca')).toBe('Casablanca');
    expect(zonePlace('America/Argentina/Buenos_Aires')).toBe('Buenos Aires');
    expect(zonePlace('UTC')).toBe('UTC');
  });

  it('gives the offset in force at the instant, with the current rules', () => {
    // Morocco: UTC+1 outside Ramadan until 20 September 2026, then UTC+0 all year.
    expect(utcOffset('2026-04-12T23:00:00Z', 'Africa/Casablanca')).toBe('UTC+1');
    expect(utcOffset('2027-01-12T10:00:00Z', 'Africa/Casablanca')).toBe('UTC+0');
    // Alberta keeps UTC-6 all year from 1 November 2026 (it was UTC-7 in winter).
    expect(utcOffset('2027-01-12T10:00:00Z', 'America/Edmonton')).toBe('UTC-6');
    // Toronto still changes: EST in January, EDT from the second Sunday of March.
    expect(utcOffset('2027-01-12T10:00:00Z', 'America/Toronto')).toBe('UTC-5');
    expect(utcOffset('2027-03-15T10:00:00Z', 'America/Toronto')).toBe('UTC-4');
    expect(utcOffset('2027-01-12T10:00:00Z', 'Asia/Kolkata')).toBe('UTC+5:30');
  });

  it('puts the place and the offset together', () => {
    expect(zoneAt('2027-01-12T10:00:00Z', 'America/Toronto')).toBe('Toronto, UTC-5');
    expect(zoneAt(new Date('2027-01-12T10:00:00Z'), 'America/St_Johns')).toBe('St Johns, UTC-3:30');
  });

  it('formats a wall-clock time as agreed, whatever zone the browser is in', () => {
    const time = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
    expect(formatWallClock('2026-09-22T10:00:00', 'fr', time)).toBe('10:00');
    expect(
      formatWallClock('2026-09-22T23:30:00.500', 'en', { dateStyle: 'medium', timeStyle: 'short' }),
    ).toBe('Sep 22, 2026, 11:30 PM');
  });

  it('spells months in Arabic the Moroccan way, as e-mails and certificates do, on a 24-hour clock', () => {
    const options = { dateStyle: 'full', timeStyle: 'short' } as const;
    expect(formatInZone('2026-12-08T10:00:00Z', 'ar', 'Africa/Casablanca', options)).toBe(
      'الثلاثاء، 8 دجنبر 2026 في 10:00',
    );
    expect(formatInZone('2027-08-03T10:00:00Z', 'ar', 'Africa/Casablanca', { month: 'long' })).toBe('غشت');
    expect(formatInZone('2026-12-08T10:00:00Z', 'fr', 'Africa/Casablanca', options)).toBe(
      'mardi 8 décembre 2026 à 10:00',
    );
  });
});
