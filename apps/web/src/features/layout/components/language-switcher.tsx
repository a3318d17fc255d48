import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRtl, LOCALES, type Locale } from '@mre/contracts';
import { useLocale } from '../../../shared/hooks/use-locale';

// Each language is named in itself, so that a reader finds theirs whatever the current UI language.
const NATIVE_NAMES: Record<Locale, string> = { ar: 'العربية', fr: 'Français', en: 'English' };

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const [current, setLocale] = useLocale();
  return (
    <Button.Group aria-label={t('layout.language')}>
      {LOCALES.map((locale) => (
        <Button
          key={locale}
          size="xs"
          variant={locale === current ? 'filled' : 'default'}
          aria-pressed={locale === current}
          lang={locale}
          dir={isRtl(locale) ? 'rtl' : 'ltr'}
          onClick={() => setLocale(locale)}
          data-testid={`lang-${locale}`}
        >
          {NATIVE_NAMES[locale]}
        </Button>
      ))}
    </Button.Group>
  );
}
