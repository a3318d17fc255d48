import { useState } from 'react';
import { MultiSelect, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@mre/api-client';
import { COUNTRY_CODES, countryName, type LocalizedText, type SectorCode } from '@mre/contracts';
import { compactLocalized, LocalizedTextFields } from '@/shared/components/localized-text-fields';
import { useLocale } from '@/shared/hooks/use-locale';
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
  const [locale] = useLocale();
  const [names, setNames] = useState<LocalizedText>(network?.names ?? {});
  const [countryCode, setCountryCode] = useState<string | null>(network?.countryCode ?? null);
  const [country, setCountry] = useState(network?.countryCode ? '' : (network?.country ?? ''));
  const [submitted, setSubmitted] = useState(false);
  const missingName = Object.keys(compactLocalized(names)).length === 0;
  const missingCountry = !countryCode && !country.trim();
  const collator = new Intl.Collator(locale);
  const countries = COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code, locale) })).sort(
    (a, b) => collator.compare(a.label, b.label),
  );
  const [sectorCodes, setSectorCodes] = useState<SectorCode[]>(network?.sectorCodes ?? []);

  const submit = () => {
    setSubmitted(true);
    if (missingName || missingCountry) return;
    // A country by its code, named in each reader's language; free text only for several countries.
    const where = countryCode ? { countryCode } : { countryCode: null, country: country.trim() };
    save.mutate(
      { id: network?.id, body: { names: compactLocalized(names), ...where, sectorCodes } },
      { onSuccess: onClose },
    );
  };

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
      <LocalizedTextFields
        label={t('fields.name')}
        value={names}
        onChange={setNames}
        testIdPrefix="network-name"
        error={submitted && missingName ? t('admin.nameRequired') : undefined}
      />
      <Select
        label={t('fields.country')}
        description={t('admin.networks.countryHint')}
        data={countries}
        value={countryCode}
        onChange={setCountryCode}
        searchable
        clearable
        error={submitted && missingCountry ? t('errors.required') : undefined}
        data-testid="network-country"
      />
      {!countryCode && (
        <TextInput
          label={t('admin.networks.countryText')}
          value={country}
          onChange={(e) => setCountry(e.currentTarget.value)}
          placeholder={t('admin.networks.international')}
          data-testid="network-country-text"
        />
      )}
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
