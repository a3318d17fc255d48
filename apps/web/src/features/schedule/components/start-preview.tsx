import { Alert, Group, Stack, Text } from '@mantine/core';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { formatInZone, zonePlace } from '@/shared/lib/zoned-time';

/** From 22:00 to 07:00: a time few people want to teach or learn at. */
const NIGHT_FROM = 22;
const NIGHT_UNTIL = 7;

export function isNightHour(instant: string, timeZone: string): boolean {
  const { hour } = DateTime.fromISO(instant, { zone: timeZone });
  return hour >= NIGHT_FROM || hour < NIGHT_UNTIL;
}

/**
 * The start being typed, read in each zone that matters side by side ("10:00 Casablanca · 05:00
 * Toronto"): the teacher's and the cohort's (and the one it is typed in, if another); with a warning
 * when it falls at night in any of them.
 */
export function StartPreview({ startsAt, zones }: { startsAt: string; zones: string[] }) {
  const { t, i18n } = useTranslation();
  const distinct = [...new Set(zones)];
  const night = distinct.filter((zone) => isNightHour(startsAt, zone));
  const timeIn = (zone: string) =>
    formatInZone(startsAt, i18n.language, zone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return (
    <Stack gap={4}>
      <Group gap="xs" data-testid="session-starts-at">
        {distinct.map((zone, index) => (
          <Text key={zone} size="sm" c="dimmed" component="span">
            {index > 0 && '· '}
            <bdi>
              {timeIn(zone)} {zonePlace(zone)}
            </bdi>
          </Text>
        ))}
      </Group>
      {night.length > 0 && (
        <Alert color="yellow" p="xs" data-testid="session-night-warning">
          {t('schedule.form.nightWarning', {
            places: night.map((zone) => `${timeIn(zone)} ${zonePlace(zone)}`).join(', '),
          })}
        </Alert>
      )}
    </Stack>
  );
}
