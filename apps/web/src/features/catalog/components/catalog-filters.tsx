import { useState } from 'react';
import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { COURSE_STATUSES } from '@mre/contracts';
import { useAllNetworks, useSectors } from '@/shared/api/reference-data.queries';
import { useLocalize } from '@/shared/hooks/use-localize';
import type { CourseFilters } from '../api/catalog.queries';
import type { useCatalogFilters } from '../hooks/use-catalog-filters';

interface CatalogFiltersProps {
  filters: CourseFilters;
  onChange: ReturnType<typeof useCatalogFilters>[1];
  withStatus: boolean;
}

export function CatalogFilters({ filters, onChange, withStatus }: CatalogFiltersProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const sectors = useSectors();
  const networks = useAllNetworks();
  const [q, setQ] = useState(filters.q ?? '');
  // One request once the user pauses typing, not one per key.
  const searchLater = useDebouncedCallback((value: string) => onChange('q', value.trim() || null), 300);

  return (
    <SimpleGrid cols={{ base: 1, sm: withStatus ? 4 : 3 }}>
      <TextInput
        type="search"
        label={t('catalog.search')}
        placeholder={t('catalog.searchPlaceholder')}
        value={q}
        onChange={(event) => {
          setQ(event.currentTarget.value);
          searchLater(event.currentTarget.value);
        }}
        data-testid="catalog-search"
      />
      <Select
        label={t('fields.sector')}
        placeholder={t('catalog.allSectors')}
        data={(sectors.data ?? []).map((sector) => ({ value: sector.code, label: localize(sector.name) }))}
        value={filters.sector ?? null}
        onChange={(value) => onChange('sector', value)}
        clearable
        data-testid="catalog-sector"
      />
      <Select
        label={t('fields.network')}
        placeholder={t('catalog.allNetworks')}
        data={(networks.data ?? []).map((network) => ({ value: network.id, label: localize(network.names) }))}
        value={filters.networkId ?? null}
        onChange={(value) => onChange('networkId', value)}
        clearable
        searchable
        data-testid="catalog-network"
      />
      {withStatus && (
        <Select
          label={t('fields.status')}
          placeholder={t('catalog.allStatuses')}
          data={COURSE_STATUSES.map((status) => ({ value: status, label: t(`course.status.${status}`) }))}
          value={filters.status ?? null}
          onChange={(value) => onChange('status', value)}
          clearable
          data-testid="catalog-status"
        />
      )}
    </SimpleGrid>
  );
}
