import { DateTime } from 'luxon';
import { InvalidConfigurationError } from '@/core/config/environment';
import { formatUtcOffset } from './wall-clock';

/** A fact of the tz database in force, that stale rules get wrong. */
interface PinnedFact {
  zone: string;
  at: string;
  offsetMinutes: number;
  rule: string;
}

/** IANA tz database 2026c (July 2026) and later. */
const PINNED_FACTS: PinnedFact[] = [
  {
    zone: 'Africa/Casablanca',
    at: '2026-12-01T12:00:00Z',
    offsetMinutes: 0,
    rule: 'Morocco is at UTC+0 all year since 2026-09-20',
  },
  {
    zone: 'Africa/Casablanca',
    at: '2027-07-01T12:00:00Z',
    offsetMinutes: 0,
    rule: 'Morocco no longer moves to UTC+1 after Ramadan',
  },
  {
    zone: 'America/Edmonton',
    at: '2027-01-15T12:00:00Z',
    offsetMinutes: -360,
    rule: 'Alberta keeps UTC-6 all year from 2026-11-01',
  },
  {
    zone: 'America/Edmonton',
    at: '2027-07-01T12:00:00Z',
    offsetMinutes: -360,
    rule: 'Alberta keeps UTC-6 all year from 2026-11-01',
  },
];

export type OffsetAt = (zone: string, at: Date) => number;

const runtimeOffset: OffsetAt = (zone, at) => DateTime.fromJSDate(at, { zone }).offset;

export interface TimeZoneRules {
  /** The tz database version of the runtime's ICU (`process.versions.tz`), e.g. `2026e`. */
  version: string;
  /** True when every pinned fact holds. */
  current: boolean;
  /** What the runtime gets wrong, one sentence each. */
  problems: string[];
}

/** Checks the runtime's rules against facts of the tz database in force. */
export function checkTimeZoneRules(
  offsetAt: OffsetAt = runtimeOffset,
  version = process.versions.tz ?? 'unknown',
): TimeZoneRules {
  const problems = PINNED_FACTS.flatMap((fact) => {
    const actual = offsetAt(fact.zone, new Date(fact.at));
    return actual === fact.offsetMinutes
      ? []
      : [
          `${fact.zone} at ${fact.at} is ${formatUtcOffset(actual)} here, but ${formatUtcOffset(fact.offsetMinutes)} in truth (${fact.rule})`,
        ];
  });
  return { version, current: problems.length === 0, problems };
}

/** A runtime whose rules are stale is a setup to fix, like a bad variable: the start prints the message alone. */
export class StaleTimeZoneRulesError extends InvalidConfigurationError {}

/**
 * Stale rules put every class of the wrong zones an hour off, in e-mails, reminders and reports.
 * Production refuses to start; development carries on after a warning that cannot be missed.
 */
export function enforceTimeZoneRules(
  rules: TimeZoneRules,
  nodeEnv: string,
  warn: (message: string) => void,
): void {
  if (rules.current) return;
  const message = [
    `The time-zone rules of this runtime are out of date (Node.js ${process.version}, tz data ${rules.version}):`,
    ...rules.problems.map((problem) => `  - ${problem}`),
    'Run MRE Academy on Node.js 24.22.3 or newer (IANA tz data 2026c or later): `npm ci` brings it on Linux, the Docker images use node:24.22.3-bookworm-slim.',
  ].join('\n');
  if (nodeEnv === 'production') throw new StaleTimeZoneRulesError(message);
  const bar = '!'.repeat(100);
  warn(`${bar}\n${message}\nClass times computed by this process are WRONG for these zones.\n${bar}`);
}
