import { useState } from 'react';
import { Select, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '@mre/contracts';
import { FormModal } from '@/shared/components/form-modal';
import { useCorrectAttendance, type AttendanceRow } from '../api/attendance.api';

/** The API's own bounds: a correction is audited, so it must say why. */
export const MIN_REASON_LENGTH = 3;
const MAX_REASON_LENGTH = 500;

interface CorrectionFormModalProps {
  sessionId: string;
  row: AttendanceRow;
  onClose: () => void;
}

export function CorrectionFormModal({ sessionId, row, onClose }: CorrectionFormModalProps) {
  const { t } = useTranslation();
  const correct = useCorrectAttendance(sessionId);
  const [status, setStatus] = useState<AttendanceStatus>(row.status ?? 'excused');
  const [reason, setReason] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const reasonTooShort = reason.trim().length < MIN_REASON_LENGTH;

  const submit = () => {
    setSubmitted(true);
    if (reasonTooShort) return;
    correct.mutate({ userId: row.userId, body: { status, reason: reason.trim() } }, { onSuccess: onClose });
  };

  return (
    <FormModal
      title={t('attendance.correctTitle')}
      opened
      onClose={onClose}
      onSubmit={submit}
      saving={correct.isPending}
      error={correct.error}
      saveTestId="correction-save"
    >
      <Text fw={500} dir="auto">
        {row.fullName}
      </Text>
      <Select
        label={t('fields.status')}
        data={ATTENDANCE_STATUSES.map((value) => ({ value, label: t(`attendance.status.${value}`) }))}
        value={status}
        onChange={(value) => value && setStatus(value as AttendanceStatus)}
        allowDeselect={false}
        data-testid="correction-status"
      />
      <Textarea
        label={t('attendance.reason')}
        description={t('attendance.reasonHint')}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        maxLength={MAX_REASON_LENGTH}
        rows={3}
        required
        dir="auto"
        error={
          submitted && reasonTooShort
            ? t('attendance.reasonTooShort', { count: MIN_REASON_LENGTH })
            : undefined
        }
        data-testid="correction-reason"
      />
    </FormModal>
  );
}
