import { useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/shared/components/error-alert';
import { useExportPersonData } from '../api/privacy.api';
import { ErasePersonModal } from './erase-person-modal';

interface PersonDataActionsProps {
  person: { id: string; fullName: string; erasedAt: string | null };
  /** Called once the person is erased (the dialog that shows them closes). */
  onErased: () => void;
}

/** On an admin's view of a person: export their data on their behalf, or erase it. */
export function PersonDataActions({ person, onErased }: PersonDataActionsProps) {
  const { t } = useTranslation();
  const exportData = useExportPersonData();
  const [erasing, setErasing] = useState(false);
  return (
    <Stack gap="xs" data-testid="person-data-actions">
      <Text fw={600} size="sm">
        {t('admin.users.personalData')}
      </Text>
      {exportData.isError && <ErrorAlert error={exportData.error} />}
      {exportData.isSuccess && (
        <Alert color="green" role="status" data-testid="person-export-done">
          {t('admin.users.exportDone')}
        </Alert>
      )}
      <Group gap="xs">
        <Button
          type="button"
          size="xs"
          variant="light"
          loading={exportData.isPending}
          onClick={() => exportData.mutate(person.id)}
          data-testid="person-export"
        >
          {t('admin.users.exportData')}
        </Button>
        {!person.erasedAt && (
          <Button
            type="button"
            size="xs"
            color="red"
            variant="subtle"
            onClick={() => setErasing(true)}
            data-testid="person-erase"
          >
            {t('admin.users.erase.open')}
          </Button>
        )}
      </Group>
      {erasing && (
        <ErasePersonModal
          person={person}
          onClose={() => setErasing(false)}
          onErased={() => {
            setErasing(false);
            onErased();
          }}
        />
      )}
    </Stack>
  );
}
