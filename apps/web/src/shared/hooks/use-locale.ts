import { useTranslation } from 'react-i18next';
import { DEFAULT_LOCALE, type Locale } from '@mre/contracts';
import { isLocale } from '@/i18n/i18n';

/** The UI language and a setter; the document direction follows it (see createI18n). */
export function useLocale(): [Locale, (locale: Locale) => void] {
  const { i18n } = useTranslation();
  const current = i18n.resolvedLanguage;
  const setLocale = (locale: Locale) => void i18n.changeLanguage(locale);
  return [isLocale(current) ? current : DEFAULT_LOCALE, setLocale];
}
