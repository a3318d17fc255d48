import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// The browser's own list of IANA names, so no list of ours to keep up to date.
const TIME_ZONES = Intl.supportedValuesOf('timeZone');

interface TimeZoneSelectProps {
  value: string;
  onChange: (value: string) => void;
  testId?: string;
}

export function TimeZoneSelect({ value, onChange, testId = 'time-zone' }: TimeZoneSelectProps) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('fields.timeZone')}
      // A zone the browser does not list (an old alias) must still show as chosen.
      data={TIME_ZONES.includes(value) ? TIME_ZONES : [value, ...TIME_ZONES]}
      value={value}
      onChange={(next) => next && onChange(next)}
      searchable
      limit={50}
      nothingFoundMessage={t('common.nothingFound')}
      // No dir="ltr": the arrow stays at the end of the field in Arabic too; the Latin names read
      // left to right inside it all the same.
      data-testid={testId}
    />
  );
}
