import { useState } from 'react';
import { Button, NumberInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '@mre/contracts';
import type { Schemas } from '@mre/api-client';
import { compactLocalized, LocalizedTextFields } from '@/shared/components/localized-text-fields';
import { useSaveModule } from '../api/courses.api';
import { FormModal } from '@/shared/components/form-modal';
import { MaterialFields } from './material-fields';

type Material = Schemas['MaterialDto'];

interface ModuleFormModalProps {
  courseId: string;
  /** The module to edit; undefined to add one at `nextPosition`. */
  module?: Schemas['ModuleDto'];
  nextPosition: number;
  onClose: () => void;
}

const emptyMaterial = (): Material => ({ kind: 'link', title: {}, url: '' });

/** Mounted only while open, so each opening starts from the module's current values. */
export function ModuleFormModal({ courseId, module, nextPosition, onClose }: ModuleFormModalProps) {
  const { t } = useTranslation();
  const save = useSaveModule(courseId);
  const [title, setTitle] = useState<LocalizedText>(module?.title ?? {});
  const [position, setPosition] = useState<number | string>(module?.position ?? nextPosition);
  // Links only: uploaded files (those with an id) are managed in the module's files dialog.
  const [materials, setMaterials] = useState<Material[]>(
    (module?.materials ?? [])
      .filter((material) => !material.id)
      .map(({ title, url }) => ({ kind: 'link', title, url })),
  );
  const [submitted, setSubmitted] = useState(false);

  const titles = compactLocalized(title);
  const missingTitle = Object.keys(titles).length === 0;
  const replaceMaterial = (index: number, material: Material) =>
    setMaterials((current) => current.map((existing, i) => (i === index ? material : existing)));

  const submit = () => {
    setSubmitted(true);
    if (missingTitle) return;
    const body = {
      title: titles,
      position: Number(position),
      materials: materials.map((material) => ({
        ...material,
        title: compactLocalized(material.title),
        url: material.url.trim(),
      })),
    };
    save.mutate({ moduleId: module?.id, body }, { onSuccess: onClose });
  };

  return (
    <FormModal
      title={t(module ? 'admin.modules.edit' : 'admin.modules.create')}
      opened
      onClose={onClose}
      onSubmit={submit}
      saving={save.isPending}
      error={save.error}
      saveTestId="module-save"
    >
      <LocalizedTextFields
        label={t('fields.title')}
        value={title}
        onChange={setTitle}
        testIdPrefix="module-title"
        error={submitted && missingTitle ? t('admin.courses.titleRequired') : undefined}
      />
      <NumberInput
        label={t('fields.position')}
        value={position}
        onChange={setPosition}
        min={1}
        required
        w={160}
        data-testid="module-position"
      />
      <Stack gap="xs">
        <Text fw={500} size="sm">
          {t('admin.modules.materials')}
        </Text>
        {materials.map((material, index) => (
          <MaterialFields
            key={index}
            material={material}
            index={index}
            onChange={(next) => replaceMaterial(index, next)}
            onRemove={() => setMaterials((current) => current.filter((_, i) => i !== index))}
          />
        ))}
        <Button
          variant="light"
          size="xs"
          w="fit-content"
          onClick={() => setMaterials((current) => [...current, emptyMaterial()])}
          data-testid="material-add"
        >
          {t('admin.modules.addMaterial')}
        </Button>
      </Stack>
    </FormModal>
  );
}
