import { useState } from 'react';
import {
  Anchor,
  Button,
  Group,
  List,
  MultiSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { ANNOUNCEMENT_ATTACHMENTS_MAX, ANNOUNCEMENT_BODY_MAX, ANNOUNCEMENT_TITLE_MAX } from '@mre/contracts';
import { useTranslation } from 'react-i18next';
import { useCourse } from '@/features/catalog/api/catalog.queries';
import { useDownloadMaterial } from '@/features/catalog/api/material-download';
import { ConfirmButton } from '@/shared/components/confirm-button';
import { ErrorAlert } from '@/shared/components/error-alert';
import { ListPagination } from '@/shared/components/list-pagination';
import { ErrorState, LoadingState } from '@/shared/components/query-states';
import { useLocalize } from '@/shared/hooks/use-localize';
import {
  BOARD_PAGE_SIZE,
  type Announcement,
  useAnnouncements,
  useDeleteAnnouncement,
  usePostAnnouncement,
  useUpdateAnnouncement,
} from '../api/board.api';
import { BoardMeta } from './board-meta';
import { FormattingHint } from './formatting-hint';
import { RichText } from './rich-text';

export function AnnouncementsPanel({ cohortId, courseId }: { cohortId: string; courseId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [writing, setWriting] = useState(false);
  const list = useAnnouncements(cohortId, page);
  const download = useDownloadMaterial();

  if (list.isPending) return <LoadingState />;
  if (list.isLoadingError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const { items, total, permissions } = list.data;
  return (
    <Stack gap="md">
      {permissions.announce &&
        (writing ? (
          <AnnouncementForm cohortId={cohortId} courseId={courseId} onDone={() => setWriting(false)} />
        ) : (
          <Group>
            <Button onClick={() => setWriting(true)} data-testid="announcement-new">
              {t('board.announcements.new')}
            </Button>
          </Group>
        ))}
      {download.isError && <ErrorAlert error={download.error} />}
      {items.length === 0 ? (
        <Text c="dimmed" data-testid="announcements-empty">
          {t('board.announcements.empty')}
        </Text>
      ) : (
        items.map((announcement) => (
          <AnnouncementCard
            key={announcement.id}
            announcement={announcement}
            cohortId={cohortId}
            courseId={courseId}
            canEdit={permissions.announce}
            onDownload={(file) => download.mutate(file)}
            downloading={download.isPending ? download.variables?.id : undefined}
          />
        ))
      )}
      <ListPagination page={page} pageSize={BOARD_PAGE_SIZE} total={total} onChange={setPage} />
    </Stack>
  );
}

interface CardProps {
  announcement: Announcement;
  cohortId: string;
  courseId: string;
  canEdit: boolean;
  onDownload: (file: { id: string; fileName: string }) => void;
  downloading?: string;
}

function AnnouncementCard({ announcement, cohortId, courseId, canEdit, onDownload, downloading }: CardProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [editing, setEditing] = useState(false);
  const remove = useDeleteAnnouncement(cohortId);
  if (editing)
    return (
      <AnnouncementForm
        cohortId={cohortId}
        courseId={courseId}
        editing={announcement}
        onDone={() => setEditing(false)}
      />
    );
  return (
    <Paper withBorder p="md" component="article" data-testid="announcement">
      <Stack gap="xs">
        <Title order={3} size="h4" dir="auto" data-testid="announcement-title">
          {announcement.title}
        </Title>
        <BoardMeta
          author={announcement.author}
          at={announcement.createdAt}
          edited={announcement.editedAt !== null}
        />
        <RichText text={announcement.body} testId="announcement-body" />
        {announcement.attachments.length > 0 && (
          <List spacing={4} aria-label={t('board.announcements.attachments')}>
            {announcement.attachments.map((file) => (
              <List.Item key={file.id}>
                <Anchor
                  component="button"
                  type="button"
                  onClick={() => onDownload({ id: file.id, fileName: file.fileName })}
                  disabled={downloading === file.id}
                  data-testid="announcement-attachment"
                >
                  <bdi dir="auto">{localize(file.title) || file.fileName}</bdi>
                </Anchor>
              </List.Item>
            ))}
          </List>
        )}
        {canEdit && (
          <Group gap="xs">
            <Button
              size="xs"
              variant="subtle"
              onClick={() => setEditing(true)}
              data-testid="announcement-edit"
            >
              {t('common.edit')}
            </Button>
            <ConfirmButton
              label={t('common.delete')}
              loading={remove.isPending}
              onConfirm={() => remove.mutate(announcement.id)}
              testId="announcement-delete"
            />
          </Group>
        )}
        {remove.isError && <ErrorAlert error={remove.error} />}
      </Stack>
    </Paper>
  );
}

interface FormProps {
  cohortId: string;
  courseId: string;
  editing?: Announcement;
  onDone: () => void;
}

/** Writes a new announcement, or changes one: title, text with simple marks, files of the course. */
function AnnouncementForm({ cohortId, courseId, editing, onDone }: FormProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const course = useCourse(courseId);
  const post = usePostAnnouncement(cohortId);
  const update = useUpdateAnnouncement(cohortId);
  const save = editing ? update : post;
  const [title, setTitle] = useState(editing?.title ?? '');
  const [body, setBody] = useState(editing?.body ?? '');
  const [materialIds, setMaterialIds] = useState<string[]>(editing?.attachments.map((a) => a.id) ?? []);
  const [tried, setTried] = useState(false);
  const files = (course.data?.modules ?? []).flatMap((module) =>
    module.materials.flatMap((material) =>
      material.id && material.fileName
        ? [
            {
              value: material.id,
              label: `${localize(module.title)} · ${localize(material.title) || material.fileName}`,
            },
          ]
        : [],
    ),
  );
  const missing = { title: title.trim() === '', body: body.trim() === '' };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (missing.title || missing.body) return;
    const input = { title: title.trim(), body: body.trim(), materialIds };
    const done = { onSuccess: onDone };
    if (editing) update.mutate({ id: editing.id, body: input }, done);
    else post.mutate(input, done);
  };

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate data-testid="announcement-form">
      <Stack gap="sm">
        <TextInput
          label={t('board.announcements.titleLabel')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          maxLength={ANNOUNCEMENT_TITLE_MAX}
          required
          dir="auto"
          error={tried && missing.title ? t('board.required') : undefined}
          data-testid="announcement-title-input"
        />
        <Textarea
          label={t('board.announcements.bodyLabel')}
          description={<FormattingHint />}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          maxLength={ANNOUNCEMENT_BODY_MAX}
          rows={5}
          required
          dir="auto"
          error={tried && missing.body ? t('board.required') : undefined}
          data-testid="announcement-body-input"
        />
        {files.length > 0 && (
          <MultiSelect
            label={t('board.announcements.attach')}
            data={files}
            value={materialIds}
            onChange={setMaterialIds}
            maxValues={ANNOUNCEMENT_ATTACHMENTS_MAX}
            searchable
            clearable
            data-testid="announcement-files"
          />
        )}
        {save.isError && <ErrorAlert error={save.error} />}
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="announcement-submit">
            {editing ? t('common.save') : t('board.announcements.post')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
