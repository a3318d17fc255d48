import { useState } from 'react';
import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@mre/api-client';
import type { LocalizedText } from '@mre/contracts';
import { compactLocalized, LocalizedTextFields } from '@/shared/components/localized-text-fields';
import { useSaveCentre } from '../api/centres.api';
import { FormModal } from '@/shared/components/form-modal';

interface CentreFormModalProps {
  /** The centre to edit; undefined to create one. */
  centre?: Schemas['CentreDto'];
  onClose: () => void;
}

/** Mounted only while open, so each opening starts from the centre's current values. */
export function CentreFormModal({ centre, onClose }: CentreFormModalProps) {
  const { t } = useTranslation();
  const save = useSaveCentre();
  const [names, setNames] = useState<LocalizedText>(centre?.names ?? {});
  const [submitted, setSubmitted] = useState(false);
  const missingName = Object.keys(compactLocalized(names)).length === 0;
  const [city, setCity] = useState(centre?.city ?? '');
  const [region, setRegion] = useState(centre?.region ?? '');

  const submit = () => {
    setSubmitted(true);
    if (missingName) return;
    const body = { names: compactLocalized(names), city: city.trim(), region: region.trim() || undefined };
    save.mutate({ id: centre?.id, body }, { onSuccess: onClose });
  };

  return (
    <FormModal
      title={t(centre ? 'admin.centres.edit' : 'admin.centres.create')}
      opened
      onClose={onClose}
      onSubmit={submit}
      saving={save.isPending}
      error={save.error}
      saveTestId="centre-save"
    >
      <LocalizedTextFields
        label={t('fields.name')}
        value={names}
        onChange={setNames}
        testIdPrefix="centre-name"
        error={submitted && missingName ? t('admin.nameRequired') : undefined}
      />
      <TextInput
        label={t('fields.city')}
        value={city}
        onChange={(e) => setCity(e.currentTarget.value)}
        required
        data-testid="centre-city"
      />
      <TextInput
        label={t('fields.region')}
        value={region}
        onChange={(e) => setRegion(e.currentTarget.value)}
        data-testid="centre-region"
      />
    </FormModal>
  );
}
