import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { useLocale } from '@/shared/hooks/use-locale';
import { formatInZone, zoneAt } from '@/shared/lib/zoned-time';

/** An instant (a quiz's opening, closing) in the reader's language and own zone, with that zone named. */
export function useFormatInstant(): (instant: string) => string {
  const [locale] = useLocale();
  const { timeZone } = useCurrentUser();
  return (instant) =>
    `${formatInZone(instant, locale, timeZone, { dateStyle: 'medium', timeStyle: 'short' })} (${zoneAt(instant, timeZone)})`;
}
