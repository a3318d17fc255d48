import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@mre/api-client';
import { ErrorAlert } from '@/shared/components/error-alert';
import { LoadingState } from '@/shared/components/query-states';
import { formatInZone } from '@/shared/lib/zoned-time';
import { useAnswerRecordingConsent, useCohortRecordingConsent } from '../api/recording-consent.api';

/**
 * On the pre-join screen: whether the class may be recorded, and the trainee's answer — they
 * acknowledge it or object, and can change their mind.
 */
export function RecordingConsentCard({ cohortId, timeZone }: { cohortId: string; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const consent = useCohortRecordingConsent(cohortId);
  const answer = useAnswerRecordingConsent(cohortId);
  if (consent.isPending) return <LoadingState />;
  // A cohort the person cannot see has no notice for them; other failures are said.
  if (consent.isError)
    return consent.error instanceof ApiError && consent.error.status === 404 ? null : (
      <ErrorAlert error={consent.error} />
    );
  const { recordingAllowed, mine } = consent.data;
  const decidedAt = mine
    ? formatInZone(mine.decidedAt, i18n.language, timeZone, { dateStyle: 'medium', timeStyle: 'short' })
    : '';

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      mt="md"
      data-testid="recording-consent"
      data-allowed={recordingAllowed}
    >
      <Stack gap="sm">
        <Text fw={600}>
          {recordingAllowed ? t('recordingConsent.mayBeRecorded') : t('recordingConsent.notRecorded')}
        </Text>
        {recordingAllowed && (
          <>
            <Text size="sm">{t('recordingConsent.notice')}</Text>
            {mine && (
              <Alert
                color={mine.choice === 'objected' ? 'orange' : 'green'}
                role="status"
                data-testid="recording-consent-answer"
              >
                {t(`recordingConsent.answered.${mine.choice}`, { date: decidedAt })}
              </Alert>
            )}
            {answer.isError && <ErrorAlert error={answer.error} />}
            <Group gap="xs">
              <Button
                size="xs"
                variant={mine?.choice === 'accepted' ? 'filled' : 'light'}
                loading={answer.isPending && answer.variables === 'accepted'}
                onClick={() => answer.mutate('accepted')}
                data-testid="recording-consent-accept"
              >
                {t('recordingConsent.accept')}
              </Button>
              <Button
                size="xs"
                color="orange"
                variant={mine?.choice === 'objected' ? 'filled' : 'light'}
                loading={answer.isPending && answer.variables === 'objected'}
                onClick={() => answer.mutate('objected')}
                data-testid="recording-consent-object"
              >
                {t('recordingConsent.object')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
