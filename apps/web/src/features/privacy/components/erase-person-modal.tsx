import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/shared/components/error-alert';
import { useErasePerson } from '../api/privacy.api';

// The API's bounds for a reason (EraseUserDto).
const MIN_REASON = 3;
const MAX_REASON = 500;

interface ErasePersonModalProps {
  person: { id: string; fullName: string };
  onClose: () => void;
  onErased: () => void;
}

/**
 * Erasure is for good: the dialog says what it does, asks for the reason the audit log keeps, and
 * for an explicit confirmation before the red button works.
 */
export function ErasePersonModal({ person, onClose, onErased }: ErasePersonModalProps) {
  const { t } = useTranslation();
  const erase = useErasePerson();
  const [reason, setReason] = useState('');
  const [understood, setUnderstood] = useState(false);
  const ready = reason.trim().length >= MIN_REASON && understood;

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('admin.users.erase.title', { name: person.fullName })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        <Alert color="red" variant="light" data-testid="erase-warning">
          {t('admin.users.erase.warning')}
        </Alert>
        {erase.error != null && <ErrorAlert error={erase.error} />}
        <Textarea
          label={t('admin.users.erase.reason')}
          description={t('admin.users.erase.reasonHint')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          maxLength={MAX_REASON}
          required
          rows={3}
          data-testid="erase-reason"
        />
        <Checkbox
          label={t('admin.users.erase.understood')}
          checked={understood}
          onChange={(event) => setUnderstood(event.currentTarget.checked)}
          data-testid="erase-understood"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            disabled={!ready}
            loading={erase.isPending}
            onClick={() => erase.mutate({ id: person.id, reason: reason.trim() }, { onSuccess: onErased })}
            data-testid="erase-confirm"
          >
            {t('admin.users.erase.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
