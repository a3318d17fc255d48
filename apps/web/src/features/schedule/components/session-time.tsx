import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UNBROKEN, ZonedTime } from '@/shared/components/zoned-time';
import { formatWallClock, utcOffset, zonePlace } from '@/shared/lib/zoned-time';
import type { LiveSession } from '../api/schedule.api';
import { dayKey } from '../lib/session-time';
import { RichText } from '@/shared/components/rich-text';

interface SessionTimeProps {
  session: Pick<LiveSession, 'startsAt' | 'endsAt' | 'localStart' | 'timeZone'>;
  /** The viewer's zone, in which the times are shown. */
  timeZone: string;
  withDate?: boolean;
}

/**
 * "19:00 – 20:30 (Toronto, UTC-5)": the viewer's wall-clock time, the zone it is in and its offset
 * then. When the session keeps another zone's wall clock, the hour agreed there is said as well.
 */
export function SessionTime({ session, timeZone, withDate }: SessionTimeProps) {
  const time = { timeStyle: 'short' } as const;
  return (
    <Stack gap={0}>
      <Text data-testid="session-time">
        <ZonedTime
          instant={session.startsAt}
          until={session.endsAt}
          timeZone={timeZone}
          options={withDate ? { ...time, dateStyle: 'full' } : time}
          zoneTestId="session-time-zone"
        />
      </Text>
      {session.timeZone !== timeZone && (
        <AgreedTime session={session} viewerDay={dayKey(session.startsAt, timeZone)} />
      )}
    </Stack>
  );
}

/** "Agreed local time: 10:00, Casablanca (UTC+0)", with the date too when it is another day there. */
function AgreedTime({ session, viewerDay }: { session: SessionTimeProps['session']; viewerDay: string }) {
  const { i18n } = useTranslation();
  const sameDay = session.localStart.slice(0, 10) === viewerDay;
  const time = formatWallClock(
    session.localStart,
    i18n.language,
    sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
  );
  return (
    <Text size="sm" c="dimmed" data-testid="session-agreed-time">
      <RichText
        i18nKey="schedule.agreedTime"
        values={{
          time,
          place: zonePlace(session.timeZone),
          offset: utcOffset(session.startsAt, session.timeZone),
        }}
        components={{ bdi: <bdi />, zone: <bdi style={UNBROKEN} /> }}
      />
    </Text>
  );
}
