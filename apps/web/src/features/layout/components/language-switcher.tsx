import { Box, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '@mre/contracts';
import { useChooseLocale } from '../hooks/use-choose-locale';
import { useLocale } from '@/shared/hooks/use-locale';

// Each language is named in itself, so that a reader finds theirs whatever the current UI language.
const NATIVE_NAMES: Record<Locale, string> = { ar: 'العربية', fr: 'Français', en: 'English' };
/** On phones, where the header has no room for the names. */
const SHORT_NAMES: Record<Locale, string> = { ar: 'عربي', fr: 'FR', en: 'EN' };

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const [current] = useLocale();
  const setLocale = useChooseLocale();
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
          <bdi>
            <Box component="span" visibleFrom="sm">
              {NATIVE_NAMES[locale]}
            </Box>
            <Box component="span" hiddenFrom="sm">
              {SHORT_NAMES[locale]}
            </Box>
          </bdi>
        </Button>
      ))}
    </Button.Group>
  );
}
