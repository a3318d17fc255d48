import { Alert } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../shared/components/error-alert';
import { ZonedTime } from '../../../shared/components/zoned-time';
import { JoinRefusedError } from '../api/classroom.api';

/** Why the API would not let the person in: too early (and when it opens), over, or not allowed. */
export function JoinRefusal({ error, timeZone }: { error: unknown; timeZone: string }) {
  const { t } = useTranslation();
  if (!(error instanceof JoinRefusedError)) return <ErrorAlert error={error} testId="join-refused" />;
  if (error.status === 425 && error.opensAt) {
    const when = (
      <ZonedTime
        instant={error.opensAt}
        timeZone={timeZone}
        options={{ dateStyle: 'medium', timeStyle: 'short' }}
      />
    );
    return (
      <Alert
        color="yellow"
        role="alert"
        data-testid="join-refused"
        title={<Trans i18nKey="classroom.refused.tooEarly" components={{ when }} />}
      />
    );
  }
  if (error.status === 410)
    return <Alert color="gray" role="alert" data-testid="join-refused" title={t('classroom.refused.gone')} />;
  if (error.status === 403)
    return (
      <Alert color="red" role="alert" data-testid="join-refused" title={t('classroom.refused.forbidden')}>
        {error.message}
      </Alert>
    );
  return <ErrorAlert error={error} testId="join-refused" />;
}
