import { useState } from 'react';
import { Button, Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@mre/api-client';
import { ActionsHeader } from '@/shared/components/actions-header';
import { useLocalize } from '@/shared/hooks/use-localize';
import { useCentrePage } from '../api/centres.api';
import { AdminPageHeader, AdminTable } from '@/shared/components/admin-list';
import { CentreFormModal } from './centre-form-modal';

type Editing = { centre?: Schemas['CentreDto'] } | null;

export function CentresPage() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Editing>(null);
  const centres = useCentrePage(page);

  return (
    <Stack>
      <AdminPageHeader
        title={t('nav.centres')}
        actionLabel={t('admin.centres.create')}
        onAction={() => setEditing({})}
        actionTestId="centre-create"
      />
      <AdminTable
        query={centres}
        page={page}
        onPageChange={setPage}
        emptyTitle={t('admin.centres.empty')}
        testId="centre-table"
        head={
          <>
            <Table.Th>{t('fields.name')}</Table.Th>
            <Table.Th>{t('fields.city')}</Table.Th>
            <Table.Th>{t('fields.region')}</Table.Th>
            <ActionsHeader />
          </>
        }
        row={(centre) => (
          <Table.Tr key={centre.id}>
            <Table.Td dir="auto" data-testid="centre-row-name">
              {localize(centre.names)}
            </Table.Td>
            <Table.Td>{centre.city}</Table.Td>
            <Table.Td>{centre.region ?? '—'}</Table.Td>
            <Table.Td>
              <Button
                size="xs"
                variant="subtle"
                onClick={() => setEditing({ centre })}
                data-testid="centre-edit"
              >
                {t('common.edit')}
              </Button>
            </Table.Td>
          </Table.Tr>
        )}
      />
      {editing && <CentreFormModal centre={editing.centre} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
