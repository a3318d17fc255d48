import { Alert, type MantineSpacing } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSessionRecordingConsent } from '../api/recording-consent.api';

/** The id of the notice that says why the Record button is disabled (its aria-describedby). */
export const RECORDING_NOT_ALLOWED_ID = 'recording-not-allowed-reason';

/** Beside the host's "Record" button: who objected to being recorded, or that the cohort is not to be recorded. */
export function RecordingObjectionsNotice({ sessionId, mt }: { sessionId: string; mt?: MantineSpacing }) {
  const { t } = useTranslation();
  const consent = useSessionRecordingConsent(sessionId);
  if (!consent.data) return null;
  const { recordingAllowed, objections } = consent.data;
  if (!recordingAllowed)
    return (
      <Alert color="orange" mt={mt} id={RECORDING_NOT_ALLOWED_ID} data-testid="recording-not-allowed">
        {t('recordingConsent.hostNotAllowed')}
      </Alert>
    );
  if (objections.length === 0) return null;
  return (
    <Alert
      color="orange"
      mt={mt}
      title={t('recordingConsent.hostObjectionsTitle', { count: objections.length })}
      data-testid="recording-objections"
    >
      {t('recordingConsent.hostObjections', { names: objections.map((o) => o.fullName).join(', ') })}
    </Alert>
  );
}
