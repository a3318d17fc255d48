import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatInZone } from '../lib/session-time';

interface SessionTimeProps {
  startsAt: string;
  endsAt: string;
  timeZone: string;
  withDate?: boolean;
}

/** "19:00 – 20:30 (America/Toronto)": the viewer's wall-clock time, and the zone it is in. */
export function SessionTime({ startsAt, endsAt, timeZone, withDate }: SessionTimeProps) {
  const { i18n } = useTranslation();
  const time = { timeStyle: 'short' } as const;
  const start = formatInZone(
    startsAt,
    i18n.language,
    timeZone,
    withDate ? { ...time, dateStyle: 'full' } : time,
  );
  const end = formatInZone(endsAt, i18n.language, timeZone, time);
  return (
    <Text data-testid="session-time">
      <bdi>
        {start} – {end}
      </bdi>{' '}
      (<bdi data-testid="session-time-zone">{timeZone}</bdi>)
    </Text>
  );
}
