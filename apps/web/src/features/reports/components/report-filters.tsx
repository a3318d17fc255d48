import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '@/shared/hooks/use-localize';
import { SECTOR_CODES } from '@mre/contracts';
import { useAllCentres, useAllNetworks, useSectorName } from '@/shared/api/reference-data.queries';
import type { ReportFilters as Filters } from '../api/reports.api';
import type { ReportFilterName } from '../hooks/use-report-filters';

interface ReportFiltersProps {
  filters: Filters;
  onChange: (name: ReportFilterName, value: string | null) => void;
}

export function ReportFilters({ filters, onChange }: ReportFiltersProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const networks = useAllNetworks();
  const centres = useAllCentres();
  const sectorName = useSectorName();

  return (
    <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }} data-testid="report-filters">
      <TextInput
        type="date"
        label={t('reports.filters.from')}
        value={filters.from ?? ''}
        max={filters.to}
        onChange={(event) => onChange('from', event.currentTarget.value || null)}
        data-testid="report-from"
      />
      <TextInput
        type="date"
        label={t('reports.filters.to')}
        value={filters.to ?? ''}
        min={filters.from}
        onChange={(event) => onChange('to', event.currentTarget.value || null)}
        data-testid="report-to"
      />
      <Select
        label={t('fields.network')}
        placeholder={t('reports.filters.allNetworks')}
        data={(networks.data ?? []).map((network) => ({ value: network.id, label: localize(network.names) }))}
        value={filters.networkId ?? null}
        onChange={(value) => onChange('networkId', value)}
        clearable
        searchable
        data-testid="report-network"
      />
      <Select
        label={t('fields.sector')}
        placeholder={t('reports.filters.allSectors')}
        data={SECTOR_CODES.map((code) => ({ value: code, label: sectorName(code) }))}
        value={filters.sectorCode ?? null}
        onChange={(value) => onChange('sectorCode', value)}
        clearable
        data-testid="report-sector"
      />
      <Select
        label={t('fields.centre')}
        placeholder={t('reports.filters.allCentres')}
        data={(centres.data ?? []).map((centre) => ({ value: centre.id, label: localize(centre.names) }))}
        value={filters.centreId ?? null}
        onChange={(value) => onChange('centreId', value)}
        clearable
        searchable
        data-testid="report-centre"
      />
    </SimpleGrid>
  );
}
