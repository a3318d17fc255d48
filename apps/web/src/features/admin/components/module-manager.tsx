import { useState } from 'react';
import { Button, Group, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@mre/api-client';
import { ActionsHeader } from '@/shared/components/actions-header';
import { ErrorAlert } from '@/shared/components/error-alert';
import { EmptyResult } from '@/shared/components/empty-result';
import { useLocalize } from '@/shared/hooks/use-localize';
import { useDeleteModule } from '../api/courses.api';
import { ConfirmButton } from '@/shared/components/confirm-button';
import { ModuleFilesModal } from './module-files-modal';
import { ModuleFormModal } from './module-form-modal';

type Editing = { module?: Schemas['ModuleDto'] } | null;

export function ModuleManager({ course }: { course: Schemas['CourseDetailDto'] }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const remove = useDeleteModule(course.id);
  const [editing, setEditing] = useState<Editing>(null);
  // By id, so that the dialog shows the module as refetched after an upload or a deletion.
  const [filesOf, setFilesOf] = useState<string | null>(null);
  const filesModule = course.modules.find((module) => module.id === filesOf);
  const nextPosition = Math.max(0, ...course.modules.map((module) => module.position)) + 1;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('course.modules')}</Title>
        <Button variant="light" onClick={() => setEditing({})} data-testid="module-create">
          {t('admin.modules.create')}
        </Button>
      </Group>
      {remove.isError && <ErrorAlert error={remove.error} />}
      {course.modules.length === 0 ? (
        <EmptyResult title={t('course.noModules')} />
      ) : (
        <Table data-testid="module-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fields.position')}</Table.Th>
              <Table.Th>{t('fields.title')}</Table.Th>
              <Table.Th>{t('admin.modules.materials')}</Table.Th>
              <ActionsHeader />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {course.modules.map((module) => (
              <Table.Tr key={module.id} data-testid="module-row">
                <Table.Td>{module.position}</Table.Td>
                <Table.Td dir="auto">{localize(module.title)}</Table.Td>
                <Table.Td>{module.materials.length}</Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end">
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setFilesOf(module.id)}
                      data-testid="module-files-open"
                    >
                      {t('admin.files.manage')}
                    </Button>
                    <Button
                      size="xs"
                      variant="subtle"
                      onClick={() => setEditing({ module })}
                      data-testid="module-edit"
                    >
                      {t('common.edit')}
                    </Button>
                    <ConfirmButton
                      label={t('common.delete')}
                      onConfirm={() => remove.mutate(module.id)}
                      loading={remove.isPending && remove.variables === module.id}
                      testId="module-delete"
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {filesModule && (
        <ModuleFilesModal courseId={course.id} module={filesModule} onClose={() => setFilesOf(null)} />
      )}
      {editing && (
        <ModuleFormModal
          courseId={course.id}
          module={editing.module}
          nextPosition={nextPosition}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
