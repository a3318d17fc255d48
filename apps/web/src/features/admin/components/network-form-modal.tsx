import { useState } from 'react';
import { MultiSelect, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@mre/api-client';
import type { SectorCode } from '@mre/contracts';
import { useSectors } from '@/shared/api/reference-data.queries';
import { useLocalize } from '@/shared/hooks/use-localize';
import { useSaveNetwork } from '../api/networks.api';
import { FormModal } from '@/shared/components/form-modal';

interface NetworkFormModalProps {
  /** The network to edit; undefined to create one. */
  network?: Schemas['NetworkDto'];
  onClose: () => void;
}

/** Mounted only while open, so each opening starts from the network's current values. */
export function NetworkFormModal({ network, onClose }: NetworkFormModalProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const sectors = useSectors();
  const save = useSaveNetwork();
  const [name, setName] = useState(network?.name ?? '');
  const [country, setCountry] = useState(network?.country ?? '');
  const [sectorCodes, setSectorCodes] = useState<SectorCode[]>(network?.sectorCodes ?? []);

  const submit = () =>
    save.mutate(
      { id: network?.id, body: { name: name.trim(), country: country.trim(), sectorCodes } },
      { onSuccess: onClose },
    );

  return (
    <FormModal
      title={t(network ? 'admin.networks.edit' : 'admin.networks.create')}
      opened
      onClose={onClose}
      onSubmit={submit}
      saving={save.isPending}
      error={save.error}
      saveTestId="network-save"
    >
      <TextInput
        label={t('fields.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        required
        data-testid="network-name"
      />
      <TextInput
        label={t('fields.country')}
        value={country}
        onChange={(e) => setCountry(e.currentTarget.value)}
        required
        data-testid="network-country"
      />
      <MultiSelect
        label={t('fields.sectors')}
        data={(sectors.data ?? []).map((sector) => ({ value: sector.code, label: localize(sector.name) }))}
        value={sectorCodes}
        onChange={(codes) => setSectorCodes(codes as SectorCode[])}
        data-testid="network-sectors"
      />
    </FormModal>
  );
}
