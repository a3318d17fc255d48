import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '@mre/contracts';
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
          onClick={() => setLocale(locale)}
          data-testid={`lang-${locale}`}
        >
          {/* Isolated rather than `dir` on the button: the group rounds each button's outer corners
              by its own direction, so a `dir` of its own rounded the wrong side. */}
          <bdi>{NATIVE_NAMES[locale]}</bdi>
        </Button>
      ))}
    </Button.Group>
  );
}
