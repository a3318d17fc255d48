import { useState } from 'react';
import {
  Checkbox,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DEFAULT_TIME_ZONE, SESSION_MODES, type LocalizedText, type SessionMode } from '@mre/contracts';
import { compactLocalized, LocalizedTextFields } from '@/shared/components/localized-text-fields';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { TimeZoneSelect } from '@/shared/components/time-zone-select';
import { FormModal } from '@/shared/components/form-modal';
import {
  useCreateSessions,
  useUpdateSession,
  useVisibleCohorts,
  type LiveSession,
} from '../api/schedule.api';
import { toInstantWithOffset, wallClockParts } from '../lib/wall-clock-input';
import { SeriesScopeField, type SeriesScope } from './series-scope-field';
import { StartPreview } from './start-preview';

const DEFAULT_DURATION = 90;

interface SessionFormModalProps {
  /** The session to reschedule; without it the form schedules new sessions for a cohort. */
  session?: LiveSession;
  /** The zone of a new session (the scheduler's own); a rescheduled one starts from its own zone. */
  defaultTimeZone: string;
  onClose: () => void;
}

/**
 * The start is typed as a wall-clock date and time in a chosen zone (the expert's own by default, or
 * the session's when rescheduling) and sent as an instant with its offset, together with that zone:
 * the API stores the moment the expert meant, and the class keeps that wall clock if the zone's
 * rules change.
 */
export function SessionFormModal({ session, defaultTimeZone, onClose }: SessionFormModalProps) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const cohorts = useVisibleCohorts();
  const create = useCreateSessions();
  const update = useUpdateSession();
  const initial = session ? wallClockParts(session.localStart) : { date: '', time: '' };
  const [cohortId, setCohortId] = useState<string | null>(null);
  const [titles, setTitles] = useState<LocalizedText>(session?.titles ?? {});
  const [date, setDate] = useState(initial.date);
  const [time, setTime] = useState(initial.time);
  const [timeZone, setTimeZone] = useState(session?.timeZone ?? defaultTimeZone);
  const [duration, setDuration] = useState<number>(session?.durationMinutes ?? DEFAULT_DURATION);
  const [mode, setMode] = useState<SessionMode>(session?.mode ?? 'remote');
  const [repeat, setRepeat] = useState(false);
  const [weeks, setWeeks] = useState(4);
  const [scope, setScope] = useState<SeriesScope>('one');
  const [submitted, setSubmitted] = useState(false);

  const startsAt = date && time ? toInstantWithOffset(date, time, timeZone) : null;
  // Read on the teachers' clocks (an admin may schedule for an expert in Toronto), else the filler's.
  const teacherZones =
    cohorts.data
      ?.find((cohort) => cohort.id === (session?.cohortId ?? cohortId))
      ?.teachers.map((teacher) => teacher.timeZone) ?? [];
  const mutation = session ? update : create;
  const missingTitle = Object.keys(compactLocalized(titles)).length === 0;

  const submit = () => {
    setSubmitted(true);
    if (!startsAt || (!session && !cohortId) || missingTitle) return;
    const fields = { titles: compactLocalized(titles), startsAt, durationMinutes: duration, mode, timeZone };
    const done = { onSuccess: onClose };
    if (session)
      update.mutate({ id: session.id, body: session.seriesId ? { ...fields, scope } : fields }, done);
    else
      create.mutate(
        { cohortId: cohortId as string, body: repeat ? { ...fields, repeatWeeks: weeks } : fields },
        done,
      );
  };

  return (
    <FormModal
      title={session ? t('schedule.form.rescheduleTitle') : t('schedule.form.createTitle')}
      opened
      onClose={onClose}
      onSubmit={submit}
      saving={mutation.isPending}
      error={mutation.error}
      saveTestId="session-save"
    >
      {!session && (
        <Select
          label={t('schedule.form.cohort')}
          data={(cohorts.data ?? []).map((cohort) => ({ value: cohort.id, label: cohort.name }))}
          value={cohortId}
          onChange={setCohortId}
          searchable
          required
          nothingFoundMessage={t('common.nothingFound')}
          error={submitted && !cohortId ? t('errors.required') : undefined}
          data-testid="session-cohort"
        />
      )}
      <LocalizedTextFields
        label={t('fields.title')}
        value={titles}
        onChange={setTitles}
        testIdPrefix="session-title"
        error={submitted && missingTitle ? t('admin.courses.titleRequired') : undefined}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="date"
          label={t('schedule.form.date')}
          value={date}
          onChange={(event) => setDate(event.currentTarget.value)}
          required
          error={submitted && !startsAt ? t('schedule.form.invalidStart') : undefined}
          data-testid="session-date"
        />
        <TextInput
          type="time"
          label={t('schedule.form.time')}
          value={time}
          onChange={(event) => setTime(event.currentTarget.value)}
          required
          data-testid="session-time-input"
        />
      </SimpleGrid>
      <TimeZoneSelect value={timeZone} onChange={setTimeZone} testId="session-time-zone-input" />
      {startsAt && (
        // The teachers' zones and the cohort's (the centres' zone), side by side; never the raw instant.
        <StartPreview
          startsAt={startsAt}
          zones={[...(teacherZones.length > 0 ? teacherZones : [user.timeZone]), DEFAULT_TIME_ZONE, timeZone]}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput
          label={t('schedule.form.duration')}
          value={duration}
          onChange={(value) => setDuration(Number(value) || DEFAULT_DURATION)}
          min={15}
          max={480}
          step={15}
          required
          data-testid="session-duration"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('schedule.form.mode')}
          </Text>
          <SegmentedControl
            value={mode}
            onChange={(value) => setMode(value as SessionMode)}
            data={SESSION_MODES.map((value) => ({ value, label: t(`schedule.mode.${value}`) }))}
            data-testid="session-mode"
          />
        </Stack>
      </SimpleGrid>
      {session?.seriesId && <SeriesScopeField value={scope} onChange={setScope} />}
      {!session && <RepeatFields repeat={repeat} weeks={weeks} onRepeat={setRepeat} onWeeks={setWeeks} />}
    </FormModal>
  );
}

interface RepeatFieldsProps {
  repeat: boolean;
  weeks: number;
  onRepeat: (repeat: boolean) => void;
  onWeeks: (weeks: number) => void;
}

function RepeatFields({ repeat, weeks, onRepeat, onWeeks }: RepeatFieldsProps) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Checkbox
        label={t('schedule.form.repeat')}
        checked={repeat}
        onChange={(event) => onRepeat(event.currentTarget.checked)}
        mt="md"
        data-testid="session-repeat"
      />
      {repeat && (
        <NumberInput
          label={t('schedule.form.weeks')}
          value={weeks}
          onChange={(value) => onWeeks(Number(value) || 1)}
          min={1}
          max={52}
          data-testid="session-weeks"
        />
      )}
    </SimpleGrid>
  );
}
