import { DEFAULT_TIME_ZONE } from '@mre/contracts';

/** The zone this device's clock is set to, when the browser names an IANA zone it knows. */
export function browserTimeZone(): string | null {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return zone && Intl.supportedValuesOf('timeZone').includes(zone) ? zone : null;
  } catch {
    return null;
  }
}

/** Where no zone is chosen yet: the device's, else the programme's. */
export function initialTimeZone(): string {
  return browserTimeZone() ?? DEFAULT_TIME_ZONE;
}
