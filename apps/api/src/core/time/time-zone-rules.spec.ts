import {
  checkTimeZoneRules,
  enforceTimeZoneRules,
  StaleTimeZoneRulesError,
  type OffsetAt,
} from './time-zone-rules';

/** Morocco at UTC+1 outside Ramadan, Alberta changing clocks: the rules of tz data 2025c. */
const oldRules: OffsetAt = (zone, at) =>
  zone === 'Africa/Casablanca' ? 60 : at.getUTCMonth() >= 3 && at.getUTCMonth() <= 9 ? -360 : -420;

describe('checkTimeZoneRules', () => {
  it('finds the rules of this runtime current: IANA 2026c or later', () => {
    const sut = checkTimeZoneRules();
    expect(sut.problems).toEqual([]);
    expect(sut.current).toBe(true);
    expect(sut.version).toMatch(/^\d{4}[a-z]$/);
    expect(sut.version >= '2026c').toBe(true);
  });

  it('names each fact that stale rules get wrong', () => {
    const sut = checkTimeZoneRules(oldRules, '2025c');
    expect(sut.current).toBe(false);
    expect(sut.problems).toEqual([
      'Africa/Casablanca at 2026-12-01T12:00:00Z is UTC+1 here, but UTC+0 in truth (Morocco is at UTC+0 all year since 2026-09-20)',
      'Africa/Casablanca at 2027-07-01T12:00:00Z is UTC+1 here, but UTC+0 in truth (Morocco no longer moves to UTC+1 after Ramadan)',
      'America/Edmonton at 2027-01-15T12:00:00Z is UTC-7 here, but UTC-6 in truth (Alberta keeps UTC-6 all year from 2026-11-01)',
    ]);
  });
});

describe('enforceTimeZoneRules', () => {
  const stale = checkTimeZoneRules(oldRules, '2025c');

  it('refuses to start in production, naming the fix', () => {
    const warn = jest.fn();
    expect(() => enforceTimeZoneRules(stale, 'production', warn)).toThrow(StaleTimeZoneRulesError);
    expect(() => enforceTimeZoneRules(stale, 'production', warn)).toThrow(
      /tz data 2025c[\s\S]*Node\.js 24\.22\.3 or newer/,
    );
    expect(warn).not.toHaveBeenCalled();
  });

  it('warns loudly in development and carries on', () => {
    const warn = jest.fn();
    enforceTimeZoneRules(stale, 'development', warn);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toContain('Class times computed by this process are WRONG');
    expect(warn.mock.calls[0][0]).toContain('Africa/Casablanca at 2026-12-01T12:00:00Z is UTC+1 here');
  });

  it('says nothing when the rules are current', () => {
    const warn = jest.fn();
    enforceTimeZoneRules(checkTimeZoneRules(), 'production', warn);
    expect(warn).not.toHaveBeenCalled();
  });
});
