import { useState } from 'react';
import { Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  COURSE_FORMATS,
  COURSE_STATUSES,
  type CourseFormat,
  type CourseStatus,
  type LocalizedText,
  type SectorCode,
} from '@mre/contracts';
import type { Schemas } from '@mre/api-client';
import { useAllNetworks, useSectors } from '@/shared/api/reference-data.queries';
import { ErrorAlert } from '@/shared/components/error-alert';
import { compactLocalized, LocalizedTextFields } from '@/shared/components/localized-text-fields';
import { useLocalize } from '@/shared/hooks/use-localize';
import { useSaveCourse } from '../api/courses.api';

interface CourseFormProps {
  /** The course to edit; undefined to create one. */
  course?: Schemas['CourseDto'];
  onSaved?: (course: Schemas['CourseDto']) => void;
  /** The course's experts edit its content, not whether it is published (nor who its experts are). */
  editor?: 'admin' | 'expert';
}

export function CourseForm({ course, onSaved, editor = 'admin' }: CourseFormProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const sectors = useSectors();
  const networks = useAllNetworks();
  const save = useSaveCourse();
  const [code, setCode] = useState(course?.code ?? '');
  const [title, setTitle] = useState<LocalizedText>(course?.title ?? {});
  const [summary, setSummary] = useState<LocalizedText>(course?.summary ?? {});
  const [sectorCode, setSectorCode] = useState<SectorCode | null>(course?.sectorCode ?? null);
  const [networkId, setNetworkId] = useState<string | null>(course?.networkId ?? null);
  const [format, setFormat] = useState<CourseFormat>(course?.format ?? 'remote');
  const [durationHours, setDurationHours] = useState<number | string>(course?.durationHours ?? '');
  const [status, setStatus] = useState<CourseStatus>(course?.status ?? 'draft');
  const [submitted, setSubmitted] = useState(false);

  const titles = compactLocalized(title);
  const missingTitle = Object.keys(titles).length === 0;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (missingTitle || !sectorCode || !networkId) return;
    const fields = {
      title: titles,
      summary: compactLocalized(summary),
      sectorCode,
      networkId,
      format,
      durationHours: Number(durationHours),
      ...(editor === 'admin' && { status }),
    };
    // The code identifies the course outside the app, so the API takes it only at creation.
    const input = course ? { id: course.id, body: fields } : { body: { ...fields, code: code.trim() } };
    save.mutate(input, { onSuccess: onSaved });
  };

  const required = (value: unknown) => (submitted && !value ? t('errors.required') : undefined);

  return (
    <form onSubmit={submit} data-testid="course-form">
      <Stack>
        {save.isError && <ErrorAlert error={save.error} />}
        {save.isSuccess && course && (
          <Alert color="green" role="status" title={t('common.saved')} data-testid="course-saved" />
        )}
        <TextInput
          label={t('fields.code')}
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          required
          disabled={course !== undefined}
          dir="ltr"
          data-testid="course-code"
        />
        <LocalizedTextFields
          label={t('fields.title')}
          value={title}
          onChange={setTitle}
          testIdPrefix="title"
          error={submitted && missingTitle ? t('admin.courses.titleRequired') : undefined}
        />
        <LocalizedTextFields
          label={t('fields.summary')}
          value={summary}
          onChange={setSummary}
          testIdPrefix="summary"
          multiline
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('fields.sector')}
            data={(sectors.data ?? []).map((sector) => ({
              value: sector.code,
              label: localize(sector.name),
            }))}
            value={sectorCode}
            onChange={(value) => setSectorCode(value as SectorCode | null)}
            error={required(sectorCode)}
            withAsterisk
            data-testid="course-sector"
          />
          <Select
            label={t('fields.network')}
            data={(networks.data ?? []).map((network) => ({
              value: network.id,
              label: localize(network.names),
            }))}
            value={networkId}
            onChange={setNetworkId}
            error={required(networkId)}
            withAsterisk
            searchable
            data-testid="course-network"
          />
          <Select
            label={t('fields.format')}
            data={COURSE_FORMATS.map((value) => ({ value, label: t(`course.format.${value}`) }))}
            value={format}
            onChange={(value) => value && setFormat(value as CourseFormat)}
            allowDeselect={false}
            data-testid="course-format"
          />
          <NumberInput
            label={t('fields.durationHours')}
            value={durationHours}
            onChange={setDurationHours}
            min={1}
            required
            data-testid="course-duration"
          />
          {editor === 'admin' && (
            <Select
              label={t('fields.status')}
              data={COURSE_STATUSES.map((value) => ({ value, label: t(`course.status.${value}`) }))}
              value={status}
              onChange={(value) => value && setStatus(value as CourseStatus)}
              allowDeselect={false}
              data-testid="course-status-select"
            />
          )}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} data-testid="course-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
