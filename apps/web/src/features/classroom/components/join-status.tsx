import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { countdown, type JoinPhase } from '@/features/schedule/lib/session-time';

/**
 * Under the join button: a live countdown to the opening of the window, then that it is open (or
 * over, or cancelled). Only the changes of state are announced, not each second.
 */
export function JoinStatus({ phase, opensAt, now }: { phase: JoinPhase; opensAt: string; now: number }) {
  const { t } = useTranslation();
  const left = phase === 'not-yet' ? countdown(opensAt, now) : null;
  let countdownText: string | null = null;
  if (left && left.days > 0) countdownText = t('classroom.opensIn.days', { ...left });
  else if (left && left.hours > 0) countdownText = t('classroom.opensIn.hours', { ...left });
  else if (left) countdownText = t('classroom.opensIn.minutes', { ...left });
  return (
    <>
      {countdownText && (
        <Text size="sm" c="dimmed" aria-live="off" data-testid="join-opens-in">
          {countdownText}
        </Text>
      )}
      <Text size="sm" role="status" data-testid="join-status">
        {phase === 'open'
          ? t('classroom.windowOpen')
          : phase === 'ended'
            ? t('schedule.phase.ended')
            : phase === 'cancelled'
              ? t('schedule.phase.cancelled')
              : ''}
      </Text>
    </>
  );
}
