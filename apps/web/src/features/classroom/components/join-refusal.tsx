import { Alert } from '@mantine/core';
import { ApiError } from '@mre/api-client';
import { ErrorAlert } from '@/shared/components/error-alert';
import { ZonedTime } from '@/shared/components/zoned-time';
import { RichText } from '@/shared/components/rich-text';

/** Why the API would not let the person in: too early (and when it opens), over, or not allowed. */
export function JoinRefusal({ error, timeZone }: { error: unknown; timeZone: string }) {
  const opensAt = error instanceof ApiError ? error.details.opensAt : undefined;
  if (error instanceof ApiError && error.code === 'join-window-not-open' && typeof opensAt === 'string') {
    const when = (
      <ZonedTime
        instant={opensAt}
        timeZone={timeZone}
        options={{ dateStyle: 'medium', timeStyle: 'short' }}
      />
    );
    return (
      <Alert
        color="yellow"
        role="alert"
        data-testid="join-refused"
        title={<RichText i18nKey="classroom.refused.tooEarly" components={{ when }} />}
      />
    );
  }
  return <ErrorAlert error={error} testId="join-refused" />;
}
