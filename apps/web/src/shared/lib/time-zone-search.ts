import { LOCALES, zonePlace } from '@mre/contracts';
import { utcOffset } from './zoned-time';

/**
 * Cities people type that the tz database files under another (Montréal keeps Toronto's time) or
 * names only in English; with their French and Arabic names. The programme's places first.
 */
const OTHER_NAMES: Record<string, string[]> = {
  'Africa/Casablanca': [
    'Rabat',
    'Kénitra',
    'Tanger',
    'Marrakech',
    'Fès',
    'Agadir',
    'الدار البيضاء',
    'الرباط',
  ],
  'America/Toronto': ['Montréal', 'Ottawa', 'Québec', 'مونتريال', 'تورونتو', 'أوتاوا'],
  'America/New_York': ['نيويورك'],
  'America/Edmonton': ['Calgary', 'إدمونتون'],
  'America/Vancouver': ['فانكوفر'],
  'Europe/Paris': ['باريس'],
  'Europe/Brussels': ['Bruxelles', 'بروكسل'],
  'Europe/Madrid': ['مدريد'],
  'Europe/Rome': ['Rome', 'روما'],
  'Europe/Amsterdam': ['أمستردام'],
  'Europe/Berlin': ['برلين'],
  'Europe/London': ['Londres', 'لندن'],
  'Asia/Dubai': ['Dubaï', 'دبي'],
};

/** Lower case, without accents or underscores: "Montréal" and "montreal" meet. */
export function normalize(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/_/g, ' ').toLowerCase();
}

let countriesOfZone: Map<string, string[]> | null = null;

/** Which countries each zone is used in (ISO codes), from the browser's own data. */
function countriesByZone(): Map<string, string[]> {
  if (countriesOfZone) return countriesOfZone;
  countriesOfZone = new Map();
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of letters)
    for (const b of letters) {
      const region = `${a}${b}`;
      const locale = new Intl.Locale(`und-${region}`) as Intl.Locale & {
        getTimeZones?: () => string[] | undefined;
        timeZones?: string[];
      };
      const zones = locale.getTimeZones?.() ?? locale.timeZones ?? [];
      for (const zone of zones) countriesOfZone.set(zone, [...(countriesOfZone.get(zone) ?? []), region]);
    }
  return countriesOfZone;
}

export interface ZoneOption {
  value: string;
  label: string;
  /** Everything the zone can be found by, normalized. */
  search: string;
}

/**
 * The zones as a picker offers them: "Toronto — Canada (UTC-5)", the country in the UI language and
 * today's offset; found by city (also Montréal, New York), country in any of the three languages
 * (Maroc, Morocco, المغرب), offset (UTC-5) or IANA name.
 */
export function zoneOptions(zones: readonly string[], locale: string, now = new Date()): ZoneOption[] {
  const countries = countriesByZone();
  const names = LOCALES.map((language) => new Intl.DisplayNames([language], { type: 'region' }));
  const shown = new Intl.DisplayNames([locale], { type: 'region' });
  return zones.map((zone) => {
    const regions = countries.get(zone) ?? [];
    const offset = utcOffset(now, zone);
    const country = regions[0] ? shown.of(regions[0]) : undefined;
    const label = `${zonePlace(zone)}${country ? ` — ${country}` : ''} (${offset})`;
    const terms = [
      zone,
      label,
      offset,
      ...(OTHER_NAMES[zone] ?? []),
      ...regions.flatMap((region) => names.map((name) => name.of(region) ?? '')),
    ];
    return { value: zone, label, search: normalize(terms.join(' | ')) };
  });
}

/** Whether an option matches what was typed ("utc-5" must not match "UTC-5:30", nor "UTC+5"). */
export function zoneMatches(option: ZoneOption, query: string): boolean {
  const wanted = normalize(query.trim());
  if (!wanted) return true;
  if (/^(utc|gmt)\s*[+-−]/.test(wanted)) {
    const offset = wanted.replace(/^(utc|gmt)\s*/, 'utc').replace('−', '-');
    return new RegExp(`(^|[^\\w:+-])${offset.replace(/[+]/g, '\\+')}(?![\\d:])`).test(option.search);
  }
  return option.search.includes(wanted);
}
