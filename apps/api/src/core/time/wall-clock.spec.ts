import {
  instantOf,
  parseInstantWithOffset,
  utcOffsetLabel,
  wallClockOf,
  weeklyWallClocks,
} from './wall-clock';

/*
 * The facts below are those of the IANA tz database 2026c or later (Node 24.22.3 carries 2026e):
 * - Africa/Casablanca was UTC+1, and UTC+0 during Ramadan (2026-02-15 to 2026-03-22). It moved to
 *   UTC+0 for good on 2026-09-20 at 02:00 local: no more changes, no Ramadan switch in 2027.
 * - America/Edmonton keeps UTC-6 all year from 2026-11-01 (Alberta stopped changing clocks).
 * - America/Toronto still changes: 2027-03-14 (UTC-5 → UTC-4) and 2027-11-07 (back to UTC-5).
 */
const weekly = (firstLocal: string, weeks: number, zone: string) =>
  weeklyWallClocks(firstLocal, weeks).map((local) => instantOf(local, zone).toISOString());

describe('weekly sessions at one wall-clock time', () => {
  it('keeps 10:00 in Casablanca across the move to permanent UTC+0: 09:00Z, 09:00Z, then 10:00Z from 2026-09-22', () => {
    expect(weekly('2026-09-08T10:00:00', 3, 'Africa/Casablanca')).toEqual([
      '2026-09-08T09:00:00.000Z',
      '2026-09-15T09:00:00.000Z',
      '2026-09-22T10:00:00.000Z',
    ]);
  });

  it('keeps a 2027 class in Casablanca at 10:00Z every week, Ramadan 2027 included (no more switch)', () => {
    // Ramadan 2027 runs from about 8 February to 9 March; the weeks cover it with room on each side.
    const sut = weekly('2027-01-12T10:00:00', 12, 'Africa/Casablanca');
    expect(new Set(sut.map((iso) => iso.slice(11)))).toEqual(new Set(['10:00:00.000Z']));
  });

  it('remembers that Casablanca was at UTC+0 during Ramadan 2026, from 2026-02-15 to 2026-03-22', () => {
    expect(weekly('2026-02-10T10:00:00', 7, 'Africa/Casablanca')).toEqual([
      '2026-02-10T09:00:00.000Z',
      '2026-02-17T10:00:00.000Z',
      '2026-02-24T10:00:00.000Z',
      '2026-03-03T10:00:00.000Z',
      '2026-03-10T10:00:00.000Z',
      '2026-03-17T10:00:00.000Z',
      '2026-03-24T09:00:00.000Z',
    ]);
  });

  it('keeps 18:00 in Toronto across the March and November changes', () => {
    expect(weekly('2027-03-09T18:00:00', 2, 'America/Toronto')).toEqual([
      '2027-03-09T23:00:00.000Z',
      '2027-03-16T22:00:00.000Z',
    ]);
    expect(weekly('2027-11-02T18:00:00', 2, 'America/Toronto')).toEqual([
      '2027-11-02T22:00:00.000Z',
      '2027-11-09T23:00:00.000Z',
    ]);
  });

  it('keeps Edmonton at UTC-6 through 2027: no spring change any more', () => {
    expect(weekly('2027-03-09T09:00:00', 2, 'America/Edmonton')).toEqual([
      '2027-03-09T15:00:00.000Z',
      '2027-03-16T15:00:00.000Z',
    ]);
    expect(utcOffsetLabel(new Date('2027-07-01T12:00:00Z'), 'America/Edmonton')).toBe('UTC-6');
  });

  it('counts weeks on the calendar, 52 of them a week apart in local time', () => {
    const sut = weeklyWallClocks('2027-06-01T08:00:00', 52);
    expect(sut).toHaveLength(52);
    expect(sut[51]).toBe('2028-05-23T08:00:00');
  });

  it('moves a wall-clock time that a change day skips forward by the gap', () => {
    // 02:30 does not exist in Toronto on 2027-03-14: it becomes 03:30 EDT.
    expect(instantOf('2027-03-14T02:30:00', 'America/Toronto').toISOString()).toBe(
      '2027-03-14T07:30:00.000Z',
    );
  });
});

describe('wallClockOf and utcOffsetLabel', () => {
  it('reads the local time and offset with the rules in force', () => {
    expect(wallClockOf(new Date('2026-12-01T12:00:00Z'), 'Africa/Casablanca')).toBe('2026-12-01T12:00:00');
    expect(utcOffsetLabel(new Date('2026-12-01T12:00:00Z'), 'Africa/Casablanca')).toBe('UTC+0');
    expect(utcOffsetLabel(new Date('2026-07-01T12:00:00Z'), 'Africa/Casablanca')).toBe('UTC+1');
    expect(utcOffsetLabel(new Date('2027-01-15T12:00:00Z'), 'America/Toronto')).toBe('UTC-5');
    expect(utcOffsetLabel(new Date('2027-01-15T12:00:00Z'), 'Asia/Kolkata')).toBe('UTC+5:30');
  });
});

describe('parseInstantWithOffset', () => {
  it('reads offsets and Z, and refuses a time without one', () => {
    expect(parseInstantWithOffset('2027-03-09T18:00:00-05:00')?.toISOString()).toBe(
      '2027-03-09T23:00:00.000Z',
    );
    expect(parseInstantWithOffset('2027-03-09T23:00:00Z')?.toISOString()).toBe('2027-03-09T23:00:00.000Z');
    expect(parseInstantWithOffset('2027-03-09T18:00:00')).toBeNull();
    expect(parseInstantWithOffset('not a date+01:00')).toBeNull();
  });
});
