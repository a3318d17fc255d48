import { useState } from 'react';
import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormModal } from '@/shared/components/form-modal';
import { useCancelSession, type LiveSession } from '../api/schedule.api';
import { SeriesScopeField, type SeriesScope } from './series-scope-field';

/** The longest reason the API keeps. */
const REASON_MAX = 300;

interface CancelSessionModalProps {
  session: LiveSession;
  onClose: () => void;
}

/**
 * Cancels a session, or for a session of a series it and the following ones, with its reason: the
 * cohort is told it in the cancellation notice, and it shows on the cancelled session. The API still
 * takes a cancellation without one (older clients); this form asks for it, as the trainees would.
 */
export function CancelSessionModal({ session, onClose }: CancelSessionModalProps) {
  const { t } = useTranslation();
  const cancel = useCancelSession();
  const [scope, setScope] = useState<SeriesScope>('one');
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const trimmed = reason.trim();

  const submit = () => {
    setSubmitted(true);
    if (!trimmed) return;
    cancel.mutate(
      { id: session.id, body: { ...(session.seriesId ? { scope } : {}), reason: trimmed } },
      { onSuccess: onClose },
    );
  };

  return (
    <FormModal
      title={t('schedule.cancelForm.title')}
      opened
      onClose={onClose}
      onSubmit={submit}
      saving={cancel.isPending}
      error={cancel.error}
      saveTestId="session-cancel-confirm"
      saveLabel={t('schedule.cancelForm.submit')}
      danger
    >
      {session.seriesId && <SeriesScopeField value={scope} onChange={setScope} />}
      <Textarea
        label={t('schedule.cancelForm.reason')}
        description={t('schedule.cancelForm.reasonHint')}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        maxLength={REASON_MAX}
        rows={3}
        dir="auto"
        required
        error={submitted && !trimmed ? t('errors.required') : undefined}
        data-testid="session-cancel-reason-input"
      />
    </FormModal>
  );
}
