import { describe, expect, it } from 'vitest';
import { zoneMatches, zoneOptions } from './time-zone-search';

const ZONES = ['Africa/Casablanca', 'America/Toronto', 'America/New_York', 'Asia/Kolkata', 'Europe/Paris'];
// In January: Toronto and New York on EST (UTC-5), Morocco at UTC+0 (all year since 2026).
const JANUARY = new Date('2027-01-12T10:00:00Z');

function find(query: string, locale = 'fr'): string[] {
  return zoneOptions(ZONES, locale, JANUARY)
    .filter((option) => zoneMatches(option, query))
    .map((option) => option.value);
}

describe('time-zone search', () => {
  it('shows each zone with its country in the UI language and its offset now', () => {
    const labels = zoneOptions(ZONES, 'fr', JANUARY).map((option) => option.label);
    expect(labels).toContain('Toronto — Canada (UTC-5)');
    expect(labels).toContain('Casablanca — Maroc (UTC+0)');
    expect(zoneOptions(['America/Toronto'], 'ar', JANUARY)[0].label).toBe('Toronto — كندا (UTC-5)');
  });

  it('finds cities the tz database files elsewhere or spells in English', () => {
    expect(find('Montréal')).toEqual(['America/Toronto']);
    expect(find('montreal')).toEqual(['America/Toronto']);
    expect(find('New York')).toEqual(['America/New_York']);
    expect(find('الرباط')).toEqual(['Africa/Casablanca']);
  });

  it('finds countries in any of the three languages, whatever the UI language', () => {
    expect(find('Maroc', 'ar')).toEqual(['Africa/Casablanca']);
    expect(find('Morocco')).toEqual(['Africa/Casablanca']);
    expect(find('المغرب', 'en')).toEqual(['Africa/Casablanca']);
    expect(find('Etats-Unis')).toEqual(['America/New_York']);
  });

  it('finds offsets exactly', () => {
    expect(find('UTC-5')).toEqual(['America/Toronto', 'America/New_York']);
    expect(find('utc+5:30')).toEqual(['Asia/Kolkata']);
    expect(find('UTC+0')).toEqual(['Africa/Casablanca']);
  });
});
