import { parseInstantWithOffset, weeklyStarts } from './weekly-schedule';

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('weeklyStarts', () => {
  it('keeps 18:00 in Toronto across the March change (EST → EDT)', () => {
    // 2027-03-14 is the second Sunday of March: clocks in Toronto go from UTC-5 to UTC-4.
    const sut = weeklyStarts(new Date('2027-03-09T23:00:00Z'), 3, 'America/Toronto');
    expect(iso(sut)).toEqual(['2027-03-09T23:00:00.000Z', '2027-03-16T22:00:00.000Z', '2027-03-23T22:00:00.000Z']);
  });

  it('keeps 18:00 in Toronto across the November change (EDT → EST)', () => {
    // 2027-11-07 is the first Sunday of November.
    const sut = weeklyStarts(new Date('2027-11-02T22:00:00Z'), 2, 'America/Toronto');
    expect(iso(sut)).toEqual(['2027-11-02T22:00:00.000Z', '2027-11-09T23:00:00.000Z']);
  });

  it('keeps 10:00 in Casablanca when Morocco moves to UTC+0 for Ramadan and back', () => {
    // Morocco is UTC+1 most of the year and UTC+0 around Ramadan (2027: mid-February to mid-March).
    const sut = weeklyStarts(new Date('2027-01-25T09:00:00Z'), 10, 'Africa/Casablanca');
    const localHours = sut.map((d) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Africa/Casablanca', hour: '2-digit', minute: '2-digit' }).format(d));
    expect(new Set(localHours)).toEqual(new Set(['10:00']));
    const utcHours = new Set(sut.map((d) => d.getUTCHours()));
    expect(utcHours).toEqual(new Set([9, 10]));
  });

  it('answers as many weeks as asked, a week apart in local time', () => {
    expect(weeklyStarts(new Date('2027-06-01T08:00:00Z'), 52, 'Europe/Berlin')).toHaveLength(52);
  });
});

describe('parseInstantWithOffset', () => {
  it('reads offsets and Z, and refuses a time without one', () => {
    expect(parseInstantWithOffset('2027-03-09T18:00:00-05:00')?.toISOString()).toBe('2027-03-09T23:00:00.000Z');
    expect(parseInstantWithOffset('2027-03-09T23:00:00Z')?.toISOString()).toBe('2027-03-09T23:00:00.000Z');
    expect(parseInstantWithOffset('2027-03-09T18:00:00')).toBeNull();
    expect(parseInstantWithOffset('not a date+01:00')).toBeNull();
  });
});
