import { useMemo } from 'react';
import { Button, Select, Stack, type ComboboxItem } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { browserTimeZone } from '@/shared/lib/browser-time-zone';
import { zoneMatches, zoneOptions, type ZoneOption } from '@/shared/lib/time-zone-search';

// The browser's own list of IANA names, so no list of ours to keep up to date.
const TIME_ZONES = Intl.supportedValuesOf('timeZone');
/** Enough to scroll through; typing narrows it down. */
const SHOWN = 50;

interface TimeZoneSelectProps {
  value: string;
  onChange: (value: string) => void;
  testId?: string;
  /** Offers the device's zone in one tap when it is another (a profile still at the default zone). */
  offerDeviceZone?: boolean;
}

/**
 * A zone, found by city, country (in any of the three languages) or offset, each shown with its
 * country and today's offset: "Toronto — Canada (UTC-5)".
 */
export function TimeZoneSelect({
  value,
  onChange,
  testId = 'time-zone',
  offerDeviceZone,
}: TimeZoneSelectProps) {
  const { t, i18n } = useTranslation();
  // A zone the browser does not list (an old alias) must still show as chosen.
  const zones = TIME_ZONES.includes(value) ? TIME_ZONES : [value, ...TIME_ZONES];
  const options = useMemo(() => zoneOptions(zones, i18n.language), [zones, i18n.language]);
  const byValue = useMemo(() => new Map(options.map((option) => [option.value, option])), [options]);
  const deviceZone = offerDeviceZone ? browserTimeZone() : null;
  const select = (
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
  if (!deviceZone || deviceZone === value) return select;
  return (
    <Stack gap={4} align="flex-start">
      <div style={{ alignSelf: 'stretch' }}>{select}</div>
      <Button
        variant="subtle"
        size="compact-sm"
        onClick={() => onChange(deviceZone)}
        data-testid={`${testId}-device`}
      >
        {t('timeZonePicker.useDevice', { zone: byValue.get(deviceZone)?.label ?? deviceZone })}
      </Button>
    </Stack>
  );
}
