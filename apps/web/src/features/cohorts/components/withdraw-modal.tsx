import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@mre/api-client';
import { ErrorAlert } from '@/shared/components/error-alert';
import { useWithdraw } from '../api/enrollments.api';

interface WithdrawModalProps {
  cohortId: string;
  enrollment: Schemas['EnrollmentDto'];
  onClose: () => void;
}

/** Asks before withdrawing, with a reason kept in the audit log; the first waitlisted person moves up. */
export function WithdrawModal({ cohortId, enrollment, onClose }: WithdrawModalProps) {
  const { t } = useTranslation();
  const withdraw = useWithdraw(cohortId);
  const [reason, setReason] = useState('');

  const confirm = () =>
    withdraw.mutate(
      { userId: enrollment.userId, reason: reason.trim() || undefined },
      { onSuccess: onClose },
    );

  return (
    <Modal opened onClose={onClose} title={t('cohorts.withdraw.title')}>
      <Stack>
        {withdraw.error != null && <ErrorAlert error={withdraw.error} />}
        <Text>{t('cohorts.withdraw.question', { name: enrollment.fullName })}</Text>
        {enrollment.status === 'active' && (
          <Text size="sm" c="dimmed">
            {t('cohorts.withdraw.promotes')}
          </Text>
        )}
        <Textarea
          label={t('cohorts.withdraw.reason')}
          description={t('cohorts.withdraw.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={2}
          data-testid="withdraw-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={withdraw.isPending} onClick={confirm} data-testid="withdraw-confirm">
            {t('cohorts.withdraw.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
