import { ActionIcon, Group, Paper, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MATERIAL_KINDS, type MaterialKind } from '@mre/contracts';
import type { Schemas } from '@mre/api-client';
import { LocalizedTextFields } from '@/shared/components/localized-text-fields';

type Material = Schemas['MaterialDto'];

interface MaterialFieldsProps {
  material: Material;
  index: number;
  onChange: (material: Material) => void;
  onRemove: () => void;
}

export function MaterialFields({ material, index, onChange, onRemove }: MaterialFieldsProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" data-testid="material-fields">
      <Stack gap="xs">
        <Group align="flex-end" wrap="nowrap">
          <Select
            label={t('fields.kind')}
            data={MATERIAL_KINDS.map((value) => ({ value, label: t(`course.materialKind.${value}`) }))}
            value={material.kind}
            onChange={(value) => value && onChange({ ...material, kind: value as MaterialKind })}
            allowDeselect={false}
            w={140}
            data-testid={`material-${index}-kind`}
          />
          <TextInput
            label={t('fields.url')}
            type="url"
            value={material.url}
            onChange={(e) => onChange({ ...material, url: e.currentTarget.value })}
            required
            dir="ltr"
            flex={1}
            data-testid={`material-${index}-url`}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            onClick={onRemove}
            aria-label={t('admin.modules.removeMaterial')}
          >
            ×
          </ActionIcon>
        </Group>
        <LocalizedTextFields
          label={t('fields.title')}
          value={material.title}
          onChange={(title) => onChange({ ...material, title })}
          testIdPrefix={`material-${index}-title`}
        />
      </Stack>
    </Paper>
  );
}
