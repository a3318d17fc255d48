import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { countdown, type JoinPhase } from '../lib/session-time';

/** "Starts in 2 d 4 h", "Starts in 4 min 12 s", or what the session has become. */
export function SessionCountdown({
  startsAt,
  phase,
  now,
}: {
  startsAt: string;
  phase: JoinPhase;
  now: number;
}) {
  const { t } = useTranslation();
  const left = countdown(startsAt, now);
  let text: string;
  if (phase === 'cancelled') text = t('schedule.phase.cancelled');
  else if (phase === 'ended') text = t('schedule.phase.ended');
  else if (!left) text = t('schedule.phase.live');
  else if (left.days > 0) text = t('schedule.countdown.days', { ...left });
  else if (left.hours > 0) text = t('schedule.countdown.hours', { ...left });
  else text = t('schedule.countdown.minutes', { ...left });
  return (
    <Text size="sm" c={phase === 'open' ? 'teal' : 'dimmed'} data-testid="session-countdown" aria-live="off">
      {text}
    </Text>
  );
}
