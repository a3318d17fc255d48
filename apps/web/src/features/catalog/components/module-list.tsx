import { Anchor, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@mre/api-client';
import { EmptyResult } from '@/shared/components/empty-result';
import { useLocalize } from '@/shared/hooks/use-localize';

/** The modules in the order the API gives (by position), each with its materials. */
export function ModuleList({ modules }: { modules: Schemas['ModuleDto'][] }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  if (modules.length === 0) return <EmptyResult title={t('course.noModules')} />;
  return (
    <Stack component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
      {modules.map((module) => (
        <Paper component="li" key={module.id} withBorder p="md" radius="md" data-testid="module-item">
          <Title order={3} dir="auto">
            {t('course.moduleNumber', { position: module.position })} · {localize(module.title)}
          </Title>
          {module.materials.length === 0 ? (
            <Text size="sm" c="dimmed" mt="xs">
              {t('course.noMaterials')}
            </Text>
          ) : (
            <List mt="xs" spacing={4}>
              {module.materials.map((material, index) => (
                <List.Item key={index}>
                  <Group gap="xs">
                    <Badge size="xs" variant="light">
                      {t(`course.materialKind.${material.kind}`)}
                    </Badge>
                    <Anchor href={material.url} target="_blank" rel="noopener noreferrer" dir="auto">
                      {localize(material.title) || material.url}
                    </Anchor>
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
