import { useState } from 'react';
import {
  ActionIcon,
  Button,
  FileInput,
  Group,
  Modal,
  Progress,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '@mre/contracts';
import type { Schemas } from '@mre/api-client';
import { ConfirmButton } from '@/shared/components/confirm-button';
import { ErrorAlert } from '@/shared/components/error-alert';
import { compactLocalized, LocalizedTextFields } from '@/shared/components/localized-text-fields';
import { useLocale } from '@/shared/hooks/use-locale';
import { useLocalize } from '@/shared/hooks/use-localize';
import { formatFileSize } from '@/shared/lib/file-size';
import { formatPercent } from '@/shared/lib/format-percent';
import { moved, useDeleteMaterial, useReorderMaterials, useUploadMaterial } from '../api/materials.api';

/** What the API takes, as the file picker offers it (the API checks the content itself). */
const ACCEPT = [
  'application/pdf',
  'image/*',
  'video/mp4',
  'video/webm',
  'audio/mpeg',
  'audio/mp4',
  'audio/ogg',
  '.m4a',
  '.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.odg',
  '.zip',
].join(',');

interface ModuleFilesModalProps {
  courseId: string;
  module: Schemas['ModuleDto'];
  onClose: () => void;
}

/**
 * The files of one module: upload with a progress bar, delete, put in order (drag a row, or the
 * up/down buttons for the keyboard and screen readers). Links are edited in the module form.
 */
export function ModuleFilesModal({ courseId, module, onClose }: ModuleFilesModalProps) {
  const { t, i18n } = useTranslation();
  const localize = useLocalize();
  const [locale] = useLocale();
  const upload = useUploadMaterial(courseId, module.id);
  const remove = useDeleteMaterial(courseId);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState<LocalizedText>({});
  const files = module.materials.filter((material) => material.id);
  const reorder = useReorderMaterials(courseId, module.id);
  const [dragged, setDragged] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const ids = files.map((material) => material.id as string);
  const nameOf = (material: (typeof files)[number]) => localize(material.title) || material.fileName || '';

  const move = (from: number, to: number) => {
    if (from === to || to < 0 || to >= ids.length) return;
    reorder.mutate(moved(ids, from, to));
    setAnnouncement(
      t('admin.files.moved', { name: nameOf(files[from]), position: to + 1, count: ids.length }),
    );
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!file) return;
    upload.mutate(
      { file, title: compactLocalized(title) },
      {
        onSuccess: () => {
          setFile(null);
          setTitle({});
        },
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('admin.files.title', { module: localize(module.title) })}
      size="lg"
    >
      <Stack>
        {files.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('admin.files.empty')}
          </Text>
        ) : (
          <>
            {files.length > 1 && (
              <Text size="sm" c="dimmed">
                {t('admin.files.orderHint')}
              </Text>
            )}
            <Table data-testid="module-files">
              <Table.Tbody>
                {files.map((material, index) => (
                  <Table.Tr
                    key={material.id}
                    draggable={files.length > 1}
                    onDragStart={(event) => {
                      event.dataTransfer.effectAllowed = 'move';
                      setDragged(material.id as string);
                    }}
                    onDragOver={(event) => {
                      if (dragged) event.preventDefault();
                    }}
                    onDrop={(event) => {
                      event.preventDefault();
                      if (dragged) move(ids.indexOf(dragged), index);
                      setDragged(null);
                    }}
                    onDragEnd={() => setDragged(null)}
                    style={{
                      cursor: files.length > 1 ? 'grab' : undefined,
                      opacity: dragged === material.id ? 0.5 : 1,
                    }}
                    data-testid="module-file-row"
                  >
                    <Table.Td dir="auto">{nameOf(material)}</Table.Td>
                    <Table.Td>
                      <bdi>{formatFileSize(material.sizeBytes ?? 0, locale)}</bdi>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          onClick={() => move(index, index - 1)}
                          disabled={index === 0 || reorder.isPending}
                          aria-label={t('admin.files.moveUp', { name: nameOf(material) })}
                          data-testid="module-file-up"
                        >
                          <span aria-hidden>↑</span>
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          onClick={() => move(index, index + 1)}
                          disabled={index === files.length - 1 || reorder.isPending}
                          aria-label={t('admin.files.moveDown', { name: nameOf(material) })}
                          data-testid="module-file-down"
                        >
                          <span aria-hidden>↓</span>
                        </ActionIcon>
                        <ConfirmButton
                          label={t('common.delete')}
                          onConfirm={() => remove.mutate(material.id as string)}
                          loading={remove.isPending && remove.variables === material.id}
                          testId="module-file-delete"
                        />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
        <VisuallyHidden role="status" aria-live="polite">
          {announcement}
        </VisuallyHidden>
        {reorder.isError && <ErrorAlert error={reorder.error} />}
        {remove.isError && <ErrorAlert error={remove.error} />}
        <form onSubmit={submit}>
          <Stack>
            <FileInput
              label={t('admin.files.file')}
              description={t('admin.files.hint')}
              placeholder={t('admin.files.choose')}
              value={file}
              onChange={setFile}
              accept={ACCEPT}
              clearable
              required
              data-testid="material-file-input"
            />
            <LocalizedTextFields
              label={t('admin.files.fileTitle')}
              value={title}
              onChange={setTitle}
              testIdPrefix="material-file-title"
            />
            {upload.isPending && (
              <Progress
                value={Math.round(upload.progress * 100)}
                animated
                aria-label={t('admin.files.progress', {
                  percent: formatPercent(upload.progress, i18n.language),
                })}
                data-testid="material-upload-progress"
              />
            )}
            {upload.isError && <ErrorAlert error={upload.error} />}
            {upload.isSuccess && !file && (
              <Text size="sm" c="green" role="status">
                {t('admin.files.uploaded')}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('admin.files.close')}
              </Button>
              <Button type="submit" loading={upload.isPending} disabled={!file} data-testid="material-upload">
                {t('admin.files.upload')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Modal>
  );
}
