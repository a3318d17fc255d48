import type { Locale } from '@mre/contracts';
import { rememberLocaleChosenBeforeSignIn } from '@/features/auth/hooks/locale-chosen';
import { useSaveLocale, useSession } from '@/features/auth/hooks/use-session';
import { useServices } from '@/shared/api/services.context';

/**
 * The language picked in the header: the UI follows at once; signed in, it is saved on the profile
 * (e-mails follow it too); before signing in, it is remembered so that the profile's language does
 * not override it then.
 */
export function useChooseLocale(): (locale: Locale) => void {
  const { i18n } = useServices();
  const session = useSession();
  const save = useSaveLocale();
  return (locale) => {
    void i18n.changeLanguage(locale);
    if (session.status !== 'signed-in') rememberLocaleChosenBeforeSignIn(locale);
    // Best effort: the UI already reads in the new language; the profile page shows the saved one.
    else if (session.user.locale !== locale) void save(locale).catch(() => undefined);
  };
}
