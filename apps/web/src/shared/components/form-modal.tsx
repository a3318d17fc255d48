import type { ReactNode } from 'react';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert';

interface FormModalProps {
  title: string;
  opened: boolean;
  onClose: () => void;
  onSubmit: () => void;
  saving: boolean;
  error: unknown;
  saveTestId: string;
  /** The submit button's words, when "Save" does not say what it does. */
  saveLabel?: string;
  /** The submit button in red: it does something that cannot be undone. */
  danger?: boolean;
  children: ReactNode;
}

/** The create/edit dialog of the admin lists: fields, the server's error, cancel and save. */
export function FormModal({
  title,
  opened,
  onClose,
  onSubmit,
  saving,
  error,
  saveTestId,
  saveLabel,
  danger,
  children,
}: FormModalProps) {
  const { t } = useTranslation();
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <form onSubmit={submit}>
        <Stack>
          {error != null && <ErrorAlert error={error} />}
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              loading={saving}
              color={danger ? 'red' : undefined}
              data-testid={saveTestId}
            >
              {saveLabel ?? t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
