import { useState } from 'react';
import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSessionRecordingConsent } from '../api/recording-consent.api';
import { RECORDING_NOT_ALLOWED_ID } from './recording-objections-notice';

interface RecordButtonProps {
  sessionId: string;
  recording: boolean;
  pending: boolean;
  onStart: () => void;
  onStop: () => void;
}

/**
 * The host's Record / Stop button, held to what the trainees were told: disabled when the cohort's
 * sessions are not to be recorded (the notice beside it says so), and asking the host to confirm,
 * naming who objected, before a recording starts over someone's objection.
 */
export function RecordButton({ sessionId, recording, pending, onStart, onStop }: RecordButtonProps) {
  const { t } = useTranslation();
  const consent = useSessionRecordingConsent(sessionId);
  const [confirming, setConfirming] = useState(false);
  const notAllowed = consent.data?.recordingAllowed === false;
  const objections = consent.data?.objections ?? [];

  const press = () => {
    if (recording) onStop();
    else if (objections.length > 0) setConfirming(true);
    else onStart();
  };
  const confirm = () => {
    setConfirming(false);
    onStart();
  };

  return (
    <>
      <Button
        color="red"
        variant={recording ? 'filled' : 'outline'}
        loading={pending}
        disabled={notAllowed && !recording}
        aria-describedby={notAllowed ? RECORDING_NOT_ALLOWED_ID : undefined}
        onClick={press}
        data-testid="recording-toggle"
      >
        {recording ? t('classroom.recording.stop') : t('classroom.recording.start')}
      </Button>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('recordingConsent.confirmTitle', { count: objections.length })}
      >
        <Text mb="md" data-testid="recording-confirm">
          {t('recordingConsent.confirmBody', {
            count: objections.length,
            names: objections.map((o) => o.fullName).join(', '),
          })}
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button
            variant="default"
            onClick={() => setConfirming(false)}
            data-testid="recording-confirm-cancel"
          >
            {t('recordingConsent.confirmCancel')}
          </Button>
          <Button color="red" onClick={confirm} data-testid="recording-confirm-start">
            {t('recordingConsent.confirmStart')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
