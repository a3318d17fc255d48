import { useState } from 'react';
import { MultiSelect, NumberInput, Select, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@mre/api-client';
import { COHORT_KINDS, type CohortKind } from '@mre/contracts';
import { useAllCentres } from '@/shared/api/reference-data.queries';
import { useLocalize } from '@/shared/hooks/use-localize';
import { FormModal } from '@/shared/components/form-modal';
import { useCourseOptions, useExperts, useSaveCohort } from '../api/cohorts.api';

type Cohort = Schemas['CohortDto'];

const DEFAULT_MIN_ATTENDANCE = 80;

interface CohortFormModalProps {
  /** The cohort to edit; undefined to open a new one. */
  cohort?: Cohort;
  onClose: () => void;
  onSaved?: (cohort: Cohort) => void;
}

/** Mounted only while open, so each opening starts from the cohort's current values. */
export function CohortFormModal({ cohort, onClose, onSaved }: CohortFormModalProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const courses = useCourseOptions();
  const centres = useAllCentres();
  const experts = useExperts();
  const save = useSaveCohort();
  const [courseId, setCourseId] = useState<string | null>(cohort?.courseId ?? null);
  const [name, setName] = useState(cohort?.name ?? '');
  const [kind, setKind] = useState<CohortKind>(cohort?.kind ?? 'trainees');
  const [centreId, setCentreId] = useState<string | null>(cohort?.centreId ?? null);
  const [capacity, setCapacity] = useState<number | string>(cohort?.capacity ?? 30);
  const [startsOn, setStartsOn] = useState(cohort?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(cohort?.endsOn ?? '');
  const [teacherIds, setTeacherIds] = useState<string[]>(cohort?.teacherIds ?? []);
  const [minAttendance, setMinAttendance] = useState<number | string>(
    cohort?.minAttendancePercent ?? DEFAULT_MIN_ATTENDANCE,
  );
  const [recordingAllowed, setRecordingAllowed] = useState(cohort?.recordingAllowed ?? true);
  // Empty: the platform's RECORDING_RETENTION_DAYS.
  const [retentionDays, setRetentionDays] = useState<number | string>(cohort?.recordingRetentionDays ?? '');
  const [requiresFinalQuizPass, setRequiresFinalQuizPass] = useState(cohort?.requiresFinalQuizPass ?? false);
  const [submitted, setSubmitted] = useState(false);

  // ISO dates compare as strings.
  const datesReversed = startsOn !== '' && endsOn !== '' && endsOn < startsOn;
  const required = (value: unknown) => (submitted && !value ? t('errors.required') : undefined);

  const submit = () => {
    setSubmitted(true);
    if (!courseId || !centreId || datesReversed) return;
    const fields = {
      name: name.trim(),
      centreId,
      capacity: Number(capacity),
      startsOn,
      endsOn,
      teacherIds,
      minAttendancePercent: Number(minAttendance),
      recordingAllowed,
      recordingRetentionDays: retentionDays === '' ? null : Number(retentionDays),
      requiresFinalQuizPass,
    };
    const onSuccess = (saved: Cohort) => {
      onClose();
      onSaved?.(saved);
    };
    if (cohort) save.mutate({ id: cohort.id, body: fields }, { onSuccess });
    else save.mutate({ body: { ...fields, courseId, kind } }, { onSuccess });
  };

  return (
    <FormModal
      title={t(cohort ? 'cohorts.form.edit' : 'cohorts.form.create')}
      opened
      onClose={onClose}
      onSubmit={submit}
      saving={save.isPending}
      error={save.error}
      saveTestId="cohort-save"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('cohorts.fields.course')}
          description={cohort ? t('cohorts.form.fixedOnceCreated') : undefined}
          data={(courses.data ?? []).map((course) => ({
            value: course.id,
            label: `${course.code} — ${localize(course.title)}`,
          }))}
          value={courseId}
          onChange={setCourseId}
          disabled={cohort !== undefined}
          searchable
          required
          error={required(courseId)}
          data-testid="cohort-course"
        />
        <Select
          label={t('fields.kind')}
          description={cohort ? t('cohorts.form.fixedOnceCreated') : t('cohorts.form.kindHint')}
          data={COHORT_KINDS.map((value) => ({ value, label: t(`cohorts.kind.${value}`) }))}
          value={kind}
          onChange={(value) => value && setKind(value as CohortKind)}
          disabled={cohort !== undefined}
          allowDeselect={false}
          data-testid="cohort-kind-select"
        />
        <TextInput
          label={t('fields.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
          data-testid="cohort-name"
        />
        <Select
          label={t('fields.centre')}
          data={(centres.data ?? []).map((centre) => ({
            value: centre.id,
            label: `${localize(centre.names)} (${centre.city})`,
          }))}
          value={centreId}
          onChange={setCentreId}
          searchable
          required
          error={required(centreId)}
          data-testid="cohort-centre"
        />
        <NumberInput
          label={t('cohorts.fields.capacity')}
          value={capacity}
          onChange={setCapacity}
          min={1}
          max={10000}
          allowDecimal={false}
          required
          data-testid="cohort-capacity"
        />
        <NumberInput
          label={t('cohorts.fields.minAttendancePercent')}
          description={t('cohorts.form.minAttendanceHint')}
          value={minAttendance}
          onChange={setMinAttendance}
          min={0}
          max={100}
          allowDecimal={false}
          suffix=" %"
          required
          data-testid="cohort-min-attendance"
        />
        <Switch
          label={t('cohorts.fields.recordingAllowed')}
          description={t('cohorts.form.recordingAllowedHint')}
          checked={recordingAllowed}
          onChange={(event) => setRecordingAllowed(event.currentTarget.checked)}
          data-testid="cohort-recording-allowed"
        />
        <NumberInput
          label={t('cohorts.fields.recordingRetentionDays')}
          description={t('cohorts.form.recordingRetentionHint')}
          value={retentionDays}
          onChange={setRetentionDays}
          min={1}
          max={3650}
          allowDecimal={false}
          data-testid="cohort-recording-retention"
        />
        <Switch
          label={t('cohorts.fields.requiresFinalQuizPass')}
          description={t('cohorts.form.requiresFinalQuizPassHint')}
          checked={requiresFinalQuizPass}
          onChange={(event) => setRequiresFinalQuizPass(event.currentTarget.checked)}
          data-testid="cohort-requires-final-quiz"
        />
        <TextInput
          type="date"
          label={t('cohorts.fields.startsOn')}
          value={startsOn}
          onChange={(e) => setStartsOn(e.currentTarget.value)}
          required
          data-testid="cohort-starts-on"
        />
        <TextInput
          type="date"
          label={t('cohorts.fields.endsOn')}
          value={endsOn}
          onChange={(e) => setEndsOn(e.currentTarget.value)}
          min={startsOn || undefined}
          required
          error={submitted && datesReversed ? t('cohorts.form.endsBeforeStart') : undefined}
          data-testid="cohort-ends-on"
        />
      </SimpleGrid>
      <MultiSelect
        label={t('cohorts.fields.teachers')}
        description={t('cohorts.form.teachersHint')}
        data={(experts.data ?? []).map((expert) => ({ value: expert.id, label: expert.fullName }))}
        value={teacherIds}
        onChange={setTeacherIds}
        searchable
        nothingFoundMessage={t('common.nothingFound')}
        data-testid="cohort-teachers"
      />
    </FormModal>
  );
}
