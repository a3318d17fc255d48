import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/shared/components/error-alert';
import { useRevokeCertificate, type Certificate } from '../api/certificates.api';

// The API's bounds for a reason (RevokeCertificateDto).
const MIN_REASON = 3;
const MAX_REASON = 500;

/** Revoking is for good and shows on the public page at once: it asks, and keeps the reason in the audit log. */
export function RevokeModal({ certificate, onClose }: { certificate: Certificate; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeCertificate();
  const [reason, setReason] = useState('');
  const valid = reason.trim().length >= MIN_REASON;

  return (
    <Modal opened onClose={onClose} title={t('certificates.revoke.title')}>
      <Stack>
        {revoke.error != null && <ErrorAlert error={revoke.error} />}
        <Text>
          {t('certificates.revoke.question', { name: certificate.holderName, code: certificate.code })}
        </Text>
        <Textarea
          label={t('certificates.revoke.reason')}
          description={t('certificates.revoke.reasonHint')}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          maxLength={MAX_REASON}
          required
          autosize
          minRows={2}
          data-testid="revoke-reason"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            disabled={!valid}
            loading={revoke.isPending}
            onClick={() =>
              revoke.mutate({ id: certificate.id, reason: reason.trim() }, { onSuccess: onClose })
            }
            data-testid="revoke-confirm"
          >
            {t('certificates.revoke.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
