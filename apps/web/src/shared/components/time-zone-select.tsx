import { useMemo } from 'react';
import { Select, type ComboboxItem } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { zoneMatches, zoneOptions, type ZoneOption } from '@/shared/lib/time-zone-search';

// The browser's own list of IANA names, so no list of ours to keep up to date.
const TIME_ZONES = Intl.supportedValuesOf('timeZone');
/** Enough to scroll through; typing narrows it down. */
const SHOWN = 50;

interface TimeZoneSelectProps {
  value: string;
  onChange: (value: string) => void;
  testId?: string;
}

/**
 * A zone, found by city, country (in any of the three languages) or offset, each shown with its
 * country and today's offset: "Toronto — Canada (UTC-5)".
 */
export function TimeZoneSelect({ value, onChange, testId = 'time-zone' }: TimeZoneSelectProps) {
  const { t, i18n } = useTranslation();
  // A zone the browser does not list (an old alias) must still show as chosen.
  const zones = TIME_ZONES.includes(value) ? TIME_ZONES : [value, ...TIME_ZONES];
  const options = useMemo(() => zoneOptions(zones, i18n.language), [zones, i18n.language]);
  const byValue = useMemo(() => new Map(options.map((option) => [option.value, option])), [options]);
  return (
    <Select
      label={t('fields.timeZone')}
      data={options.map(({ value: zone, label }) => ({ value: zone, label }))}
      value={value}
      onChange={(next) => next && onChange(next)}
      searchable
      filter={({ options: items, search }) =>
        (items as ComboboxItem[])
          .filter((item) => zoneMatches(byValue.get(item.value) as ZoneOption, search))
          .slice(0, SHOWN)
      }
      nothingFoundMessage={t('common.nothingFound')}
      // No dir="ltr": the arrow stays at the end of the field in Arabic too; the Latin names read
      // left to right inside it all the same.
      data-testid={testId}
    />
  );
}
