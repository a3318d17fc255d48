import { ActionIcon, Group, Paper, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@mre/api-client';
import { LocalizedTextFields } from '@/shared/components/localized-text-fields';

type Material = Schemas['MaterialDto'];

interface MaterialFieldsProps {
  material: Material;
  index: number;
  onChange: (material: Material) => void;
  onRemove: () => void;
}

/** A link of the module (files are uploaded in the module's files dialog). */
export function MaterialFields({ material, index, onChange, onRemove }: MaterialFieldsProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" data-testid="material-fields">
      <Stack gap="xs">
        <Group align="flex-end" wrap="nowrap">
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
