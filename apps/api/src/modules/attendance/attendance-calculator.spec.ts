import { computeAttendance, PresenceSegment } from './attendance-calculator';

const start = new Date('2027-03-10T09:00:00Z');
const end = new Date('2027-03-10T10:40:00Z'); // 100 minutes
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
const seg = (from: number, to: number | null): PresenceSegment => ({
  joinedAt: at(from),
  leftAt: to === null ? null : at(to),
});
const sut = (segments: PresenceSegment[], openUntil = end) =>
  computeAttendance({ scheduledStart: start, scheduledEnd: end, segments, openUntil });

describe('computeAttendance', () => {
  it('is present at exactly 75 % and absent just below', () => {
    expect(sut([seg(0, 75)])).toMatchObject({ minutesPresent: 75, percent: 75, status: 'present' });
    expect(sut([seg(0, 74)])).toMatchObject({ minutesPresent: 74, status: 'absent' });
  });

  it('is late when the first join is more than 10 minutes after the start and at least 50 % present', () => {
    expect(sut([seg(11, 61)])).toMatchObject({ percent: 50, status: 'late' });
    expect(sut([seg(11, 60)])).toMatchObject({ percent: 49, status: 'absent' });
    // Joining at exactly 10 minutes is not late; with 50-74 % it is absent.
    expect(sut([seg(10, 70)])).toMatchObject({ percent: 60, status: 'absent' });
    // A late arrival who stays 75 % is present.
    expect(sut([seg(15, 95)])).toMatchObject({ status: 'present' });
  });

  it('clamps to the scheduled time', () => {
    expect(sut([seg(-30, 50), seg(90, 200)])).toMatchObject({ minutesPresent: 60, percent: 60 });
  });

  it('counts overlapping segments of a reconnect once', () => {
    // The new connection's join (at 40) arrived before the old leave (at 45).
    expect(sut([seg(0, 45), seg(40, 80)])).toMatchObject({ minutesPresent: 80 });
    expect(sut([seg(40, 80), seg(0, 45), seg(50, 60)])).toMatchObject({ minutesPresent: 80 });
  });

  it('closes open segments at openUntil (room finished or now)', () => {
    expect(sut([seg(0, null)], at(30))).toMatchObject({ minutesPresent: 30 });
    expect(sut([seg(0, null)])).toMatchObject({ minutesPresent: 100, status: 'present' });
  });

  it('is absent with no segment at all', () => {
    expect(sut([])).toEqual({ minutesPresent: 0, percent: 0, firstJoinAt: null, status: 'absent' });
  });
});
