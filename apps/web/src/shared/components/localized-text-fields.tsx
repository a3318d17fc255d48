import { SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES, isRtl, type Locale, type LocalizedText } from '@mre/contracts';

interface LocalizedTextFieldsProps {
  label: string;
  value: LocalizedText;
  onChange: (value: LocalizedText) => void;
  /** Each input gets `${testIdPrefix}-${locale}`. */
  testIdPrefix: string;
  multiline?: boolean;
  error?: string;
}

/** One input per programme language; each input has the direction of its own language. */
export function LocalizedTextFields({
  label,
  value,
  onChange,
  testIdPrefix,
  multiline,
  error,
}: LocalizedTextFieldsProps) {
  const { t } = useTranslation();
  const Field = multiline ? Textarea : TextInput;
  const update = (locale: Locale, text: string) => onChange({ ...value, [locale]: text });
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      {LOCALES.map((locale, index) => (
        <Field
          key={locale}
          label={`${label} (${t(`languages.${locale}`)})`}
          value={value[locale] ?? ''}
          onChange={(event) => update(locale, event.currentTarget.value)}
          dir={isRtl(locale) ? 'rtl' : 'ltr'}
          lang={locale}
          error={index === 0 ? error : undefined}
          data-testid={`${testIdPrefix}-${locale}`}
        />
      ))}
    </SimpleGrid>
  );
}

/** Drops empty languages, so that "at least one title" means one non-blank title. */
export function compactLocalized(text: LocalizedText): LocalizedText {
  return Object.fromEntries(
    Object.entries(text)
      .map(([locale, value]) => [locale, value?.trim()])
      .filter(([, value]) => value),
  );
}
