import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { ConfirmButton } from '@/shared/components/confirm-button';
import { ErrorAlert } from '@/shared/components/error-alert';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import {
  useMyCalendarFeed,
  useResetCalendarFeed,
  useRevokeCalendarFeed,
  type CalendarFeed,
} from '../api/calendar-feed.api';
import { CALENDAR_FEED_ANCHOR } from '../lib/links';

/**
 * The profile's calendar feed: a secret link that calendar apps subscribe to, to see the person's
 * sessions (with their current times) beside their other appointments.
 */
export function CalendarFeedCard() {
  const { t } = useTranslation();
  const feed = useMyCalendarFeed();
  const { hash } = useLocation();
  const card = useRef<HTMLDivElement>(null);
  // Reached from the schedule's link: the card is below the profile's forms.
  useEffect(() => {
    if (hash === `#${CALENDAR_FEED_ANCHOR}`) card.current?.scrollIntoView({ block: 'start' });
  }, [hash]);
  return (
    <Card withBorder id={CALENDAR_FEED_ANCHOR} ref={card} data-testid="calendar-feed" maw={640}>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('calendarFeed.title')}
        </Title>
        <Text size="sm">{t('calendarFeed.intro')}</Text>
        {feed.isPending ? (
          <LoadingState />
        ) : feed.isError ? (
          <ErrorState error={feed.error} onRetry={() => void feed.refetch()} />
        ) : feed.data ? (
          <FeedLink feed={feed.data} />
        ) : (
          <NoFeed />
        )}
      </Stack>
    </Card>
  );
}

function NoFeed() {
  const { t } = useTranslation();
  const create = useResetCalendarFeed();
  return (
    <Stack gap="sm" align="flex-start" data-testid="calendar-feed-none">
      <Text size="sm" c="dimmed">
        {t('calendarFeed.none')}
      </Text>
      {create.isError && <ErrorAlert error={create.error} />}
      <Button loading={create.isPending} onClick={() => create.mutate()} data-testid="calendar-feed-create">
        {t('calendarFeed.create')}
      </Button>
    </Stack>
  );
}

function FeedLink({ feed }: { feed: CalendarFeed }) {
  const { t } = useTranslation();
  const clipboard = useClipboard({ timeout: 4000 });
  const reset = useResetCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [confirming, setConfirming] = useState(false);
  const [wasReset, setWasReset] = useState(false);

  const confirmReset = () =>
    reset.mutate(undefined, {
      onSuccess: () => {
        setConfirming(false);
        setWasReset(true);
      },
    });

  return (
    <Stack gap="sm">
      <TextInput
        label={t('calendarFeed.link')}
        value={feed.url}
        readOnly
        dir="ltr"
        onFocus={(event) => event.currentTarget.select()}
        data-testid="calendar-feed-url"
      />
      {wasReset && (
        <Alert color="green" role="status" data-testid="calendar-feed-reset-done">
          {t('calendarFeed.resetDone')}
        </Alert>
      )}
      {clipboard.copied && (
        <Alert color="green" role="status" data-testid="calendar-feed-copied">
          {t('calendarFeed.copied')}
        </Alert>
      )}
      {clipboard.error && (
        <Alert color="orange" role="alert" data-testid="calendar-feed-copy-failed">
          {t('calendarFeed.copyFailed')}
        </Alert>
      )}
      {revoke.isError && <ErrorAlert error={revoke.error} />}
      <Group gap="sm">
        <Button component="a" href={feed.webcalUrl} data-testid="calendar-feed-subscribe">
          {t('calendarFeed.subscribe')}
        </Button>
        <Button variant="light" onClick={() => clipboard.copy(feed.url)} data-testid="calendar-feed-copy">
          {t('calendarFeed.copy')}
        </Button>
        <Button variant="default" onClick={() => setConfirming(true)} data-testid="calendar-feed-reset">
          {t('calendarFeed.reset')}
        </Button>
        <ConfirmButton
          label={t('calendarFeed.turnOff')}
          loading={revoke.isPending}
          onConfirm={() => revoke.mutate()}
          testId="calendar-feed-turn-off"
        />
      </Group>
      {confirming && (
        <ResetConfirmation
          saving={reset.isPending}
          error={reset.isError ? reset.error : null}
          onConfirm={confirmReset}
          onCancel={() => setConfirming(false)}
        />
      )}
    </Stack>
  );
}

interface ResetConfirmationProps {
  saving: boolean;
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asks before resetting, in the page rather than in a dialog (on a phone it stays beside the link
 * it is about); it takes the focus so that a screen reader reads the warning, and Escape cancels.
 */
function ResetConfirmation({ saving, error, onConfirm, onCancel }: ResetConfirmationProps) {
  const { t } = useTranslation();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.focus(), []);
  return (
    <Alert
      ref={panel}
      tabIndex={-1}
      color="orange"
      title={t('calendarFeed.resetTitle')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
      data-testid="calendar-feed-reset-confirmation"
    >
      <Stack gap="sm">
        <Text size="sm">{t('calendarFeed.resetWarning')}</Text>
        {error != null && <ErrorAlert error={error} />}
        <Group gap="sm">
          <Button color="red" loading={saving} onClick={onConfirm} data-testid="calendar-feed-reset-confirm">
            {t('calendarFeed.resetConfirm')}
          </Button>
          <Button variant="default" onClick={onCancel} data-testid="calendar-feed-reset-cancel">
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
