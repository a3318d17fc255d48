import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { describeError } from '@/shared/api/describe-error';
import { cohortFeedUrl, useMyCalendarFeed, useResetCalendarFeed } from '../api/calendar-feed.api';

/**
 * "Add this cohort's sessions to my calendar": the person's feed narrowed to the cohort, as a
 * webcal:// link. Someone with no feed yet gets one on the click (then the calendar app opens).
 */
export function CohortCalendarLink({ cohortId }: { cohortId: string }) {
  const { t, i18n } = useTranslation();
  const feed = useMyCalendarFeed();
  const create = useResetCalendarFeed();
  if (feed.isPending || feed.isError) return null;
  const label = t('calendarFeed.cohortLink');
  if (feed.data)
    return (
      <Anchor
        size="sm"
        href={cohortFeedUrl(feed.data.webcalUrl, cohortId)}
        data-testid="cohort-calendar-link"
      >
        {label}
      </Anchor>
    );
  return (
    <>
      <Anchor
        component="button"
        type="button"
        size="sm"
        ta="start"
        disabled={create.isPending}
        onClick={() =>
          create.mutate(undefined, {
            onSuccess: (created) => window.location.assign(cohortFeedUrl(created.webcalUrl, cohortId)),
          })
        }
        data-testid="cohort-calendar-link"
      >
        {label}
      </Anchor>
      {create.isError && (
        <Text size="sm" c="red" role="alert">
          {describeError(create.error, i18n).message}
        </Text>
      )}
    </>
  );
}
