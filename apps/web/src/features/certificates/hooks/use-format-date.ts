import { intlLocale } from '@mre/contracts';
import { useLocale } from '@/shared/hooks/use-locale';
import { useSession } from '@/features/auth/hooks/use-session';

/**
 * The calendar date of an instant in the UI language, in the viewer's time zone: the signed-in
 * user's own, else the browser's (the public verification page has no user).
 */
export function useFormatDate(): (instant: string) => string {
  const [locale] = useLocale();
  const session = useSession();
  const timeZone = session.status === 'signed-in' ? session.user.timeZone : undefined;
  const format = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone });
  return (instant) => format.format(new Date(instant));
}
