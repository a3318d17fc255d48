import { Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@mre/api-client';
import { ErrorAlert } from '@/shared/components/error-alert';
import { EmptyResult } from '@/shared/components/empty-result';
import { useLocale } from '@/shared/hooks/use-locale';
import { useLocalize } from '@/shared/hooks/use-localize';
import { formatFileSize } from '@/shared/lib/file-size';
import { useDownloadMaterial } from '../api/material-download';

type Material = Schemas['ModuleMaterialDto'];

/** The modules in the order the API gives (by position), each with its links and files. */
export function ModuleList({ modules }: { modules: Schemas['ModuleDto'][] }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const download = useDownloadMaterial();
  if (modules.length === 0) return <EmptyResult title={t('course.noModules')} />;
  return (
    <Stack gap="sm">
      {download.isError && <ErrorAlert error={download.error} />}
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
                  <List.Item key={material.id ?? index}>
                    {material.id && material.fileName ? (
                      <UploadedFile
                        material={material}
                        onDownload={() =>
                          download.mutate({
                            id: material.id as string,
                            fileName: material.fileName as string,
                          })
                        }
                        downloading={download.isPending && download.variables?.id === material.id}
                      />
                    ) : (
                      <Group gap="xs">
                        <Badge size="xs" variant="light">
                          {t(`course.materialKind.${material.kind}`)}
                        </Badge>
                        <Anchor href={material.url} target="_blank" rel="noopener noreferrer" dir="auto">
                          {localize(material.title) || material.url}
                        </Anchor>
                      </Group>
                    )}
                  </List.Item>
                ))}
              </List>
            )}
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

interface UploadedFileProps {
  material: Material;
  onDownload: () => void;
  downloading: boolean;
}

function UploadedFile({ material, onDownload, downloading }: UploadedFileProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [locale] = useLocale();
  const title = localize(material.title) || material.fileName;
  return (
    <Group gap="xs" wrap="wrap" data-testid="material-file">
      <Badge size="xs" variant="light">
        {t('course.materialKind.file')}
      </Badge>
      <Text span dir="auto">
        {title}
      </Text>
      <Text span size="sm" c="dimmed" data-testid="material-size">
        <bdi>{formatFileSize(material.sizeBytes ?? 0, locale)}</bdi>
      </Text>
      <Button
        size="compact-sm"
        variant="light"
        onClick={onDownload}
        loading={downloading}
        aria-label={t('course.downloadNamed', { name: material.fileName })}
        data-testid="material-download"
      >
        {t('course.download')}
      </Button>
    </Group>
  );
}
