import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@mre/api-client';
import { StorageFullError } from '@/features/offline/lib/kept-files';
import { ErrorAlert } from '@/shared/components/error-alert';
import { EmptyResult } from '@/shared/components/empty-result';
import { useLocale } from '@/shared/hooks/use-locale';
import { useLocalize } from '@/shared/hooks/use-localize';
import { formatFileSize } from '@/shared/lib/file-size';
import { useForgetMaterial, useKeepMaterial, useKeptMaterials } from '../api/kept-materials';
import { useDownloadMaterial } from '../api/material-download';
import { useMarkDone, usePendingMarks, type CourseProgress } from '../api/material-progress';

type Material = Schemas['ModuleMaterialDto'];

interface ModuleListProps {
  modules: Schemas['ModuleDto'][];
  /** The trainee's progress in the course: each file then has its "done" box. */
  progress?: CourseProgress;
  /** Files can be kept on the device (the course page; not in the classroom's side panel). */
  canKeep?: boolean;
}

/** The modules in the order the API gives (by position), each with its links and files. */
export function ModuleList({ modules, progress, canKeep = false }: ModuleListProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const download = useDownloadMaterial();
  const keep = useKeepMaterial();
  const forget = useForgetMaterial();
  const kept = useKeptMaterials();
  const markDone = useMarkDone();
  const pending = usePendingMarks();
  if (modules.length === 0) return <EmptyResult title={t('course.noModules')} />;
  const keepError = keep.error ?? forget.error;
  return (
    <Stack gap="sm">
      {download.isError && <ErrorAlert error={download.error} />}
      {keepError instanceof StorageFullError ? (
        <Alert color="red" role="alert" title={t('course.offline.storageFull')} data-testid="storage-full">
          {t('course.offline.storageFullHint')}
        </Alert>
      ) : (
        keepError && <ErrorAlert error={keepError} />
      )}
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
              <List mt="xs" spacing="xs">
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
                        keeping={
                          canKeep
                            ? {
                                kept: kept.data?.has(material.id) ?? false,
                                busy:
                                  (keep.isPending && keep.variables === material.id) ||
                                  (forget.isPending && forget.variables === material.id),
                                onKeep: () => keep.mutate(material.id as string),
                                onForget: () => forget.mutate(material.id as string),
                              }
                            : undefined
                        }
                        done={
                          progress
                            ? {
                                checked: progress.doneMaterialIds.includes(material.id),
                                pending: pending.get(material.id),
                                onChange: (done) =>
                                  markDone.mutate({
                                    materialId: material.id as string,
                                    courseId: progress.courseId,
                                    done,
                                  }),
                              }
                            : undefined
                        }
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
  keeping?: { kept: boolean; busy: boolean; onKeep: () => void; onForget: () => void };
  done?: { checked: boolean; pending?: { waiting: boolean }; onChange: (done: boolean) => void };
}

function UploadedFile({ material, onDownload, downloading, keeping, done }: UploadedFileProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [locale] = useLocale();
  const title = localize(material.title) || material.fileName;
  return (
    <Stack gap={4} data-testid="material-file">
      <Group gap="xs" wrap="wrap">
        <Badge size="xs" variant="light">
          {t('course.materialKind.file')}
        </Badge>
        <Text span dir="auto">
          {title}
        </Text>
        <Text span size="sm" c="dimmed" data-testid="material-size">
          <bdi>{formatFileSize(material.sizeBytes ?? 0, locale)}</bdi>
        </Text>
        {keeping?.kept && (
          <Badge size="sm" color="teal" variant="light" data-testid="material-kept">
            {t('course.offline.kept')}
          </Badge>
        )}
      </Group>
      <Group gap="xs" wrap="wrap">
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
        {keeping &&
          (keeping.kept ? (
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              onClick={keeping.onForget}
              loading={keeping.busy}
              aria-label={t('course.offline.forgetNamed', { name: title })}
              data-testid="material-forget"
            >
              {t('course.offline.forget')}
            </Button>
          ) : (
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={keeping.onKeep}
              loading={keeping.busy}
              aria-label={t('course.offline.keepNamed', { name: title })}
              data-testid="material-keep"
            >
              {t('course.offline.keep')}
            </Button>
          ))}
        {done && (
          <Checkbox
            checked={done.checked}
            onChange={(event) => done.onChange(event.currentTarget.checked)}
            label={t('course.done.label')}
            aria-label={t('course.done.named', { name: title })}
            data-testid="material-done"
          />
        )}
        {done?.pending && (
          // Words that wrap, not a badge: the sentence is long in French and would be cut on a phone.
          <Text size="sm" fw={500} data-testid="material-done-pending">
            {done.pending.waiting ? t('course.done.waiting') : t('course.done.saving')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
