import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '@mre/contracts';

interface LocaleSelectProps {
  value: Locale;
  onChange: (value: Locale) => void;
  /** Defaults to "Language". */
  label?: string;
  testId: string;
}

/** One of the programme's three languages, each named in the interface language. */
export function LocaleSelect({ value, onChange, label, testId }: LocaleSelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      label={label ?? t('fields.language')}
      data={LOCALES.map((locale) => ({ value: locale, label: t(`languages.${locale}`) }))}
      value={value}
      onChange={(next) => next && onChange(next as Locale)}
      allowDeselect={false}
      data-testid={testId}
    />
  );
}
