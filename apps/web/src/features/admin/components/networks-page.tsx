import { useState } from 'react';
import { Badge, Button, Group, Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@mre/api-client';
import { ActionsHeader } from '@/shared/components/actions-header';
import { useCountryLabel, useSectorName } from '@/shared/api/reference-data.queries';
import { useLocalize } from '@/shared/hooks/use-localize';
import { useNetworkPage } from '../api/networks.api';
import { AdminPageHeader, AdminTable } from '@/shared/components/admin-list';
import { NetworkFormModal } from './network-form-modal';

type Editing = { network?: Schemas['NetworkDto'] } | null;

export function NetworksPage() {
  const { t } = useTranslation();
  const sectorName = useSectorName();
  const localize = useLocalize();
  const countryLabel = useCountryLabel();
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Editing>(null);
  const networks = useNetworkPage(page);

  return (
    <Stack>
      <AdminPageHeader
        title={t('nav.networks')}
        actionLabel={t('admin.networks.create')}
        onAction={() => setEditing({})}
        actionTestId="network-create"
      />
      <AdminTable
        query={networks}
        page={page}
        onPageChange={setPage}
        emptyTitle={t('admin.networks.empty')}
        testId="network-table"
        head={
          <>
            <Table.Th>{t('fields.name')}</Table.Th>
            <Table.Th>{t('fields.country')}</Table.Th>
            <Table.Th>{t('fields.sectors')}</Table.Th>
            <ActionsHeader />
          </>
        }
        row={(network) => (
          <Table.Tr key={network.id}>
            <Table.Td dir="auto" data-testid="network-row-name">
              {localize(network.names)}
            </Table.Td>
            <Table.Td data-testid="network-row-country">{countryLabel(network)}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                {network.sectorCodes.map((code) => (
                  <Badge key={code} variant="light" size="sm">
                    {sectorName(code)}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td>
              <Button
                size="xs"
                variant="subtle"
                onClick={() => setEditing({ network })}
                data-testid="network-edit"
              >
                {t('common.edit')}
              </Button>
            </Table.Td>
          </Table.Tr>
        )}
      />
      {editing && <NetworkFormModal network={editing.network} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
