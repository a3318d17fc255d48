import { registerDecorator, ValidationOptions } from 'class-validator';

const zones = new Set(Intl.supportedValuesOf('timeZone'));

export function isTimeZone(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (zones.has(value) || value === 'UTC') return true;
  try {
    // Intl also knows aliases (e.g. "Asia/Calcutta") that supportedValuesOf leaves out.
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.includes('/');
  } catch {
    return false;
  }
}

/** An IANA time zone name such as `Africa/Casablanca` or `America/Toronto`. */
export function IsTimeZone(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be an IANA time zone such as Africa/Casablanca`, ...options },
      validator: { validate: isTimeZone },
    });
}
