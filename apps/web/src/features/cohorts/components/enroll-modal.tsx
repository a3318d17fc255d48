import { useState } from 'react';
import { SegmentedControl, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '@mre/api-client';
import type { Locale } from '@mre/contracts';
import { useLocale } from '@/shared/hooks/use-locale';
import { useUsers } from '@/features/admin/api/users.api';
import { FormModal } from '@/shared/components/form-modal';
import { useEnroll } from '../api/enrollments.api';
import { LocaleSelect } from '@/shared/components/locale-select';

type Mode = 'existing' | 'new';
type User = Schemas['UserDto'];

const optionLabel = (user: User) => `${user.fullName} — ${user.email}`;

/** Enrolls one trainee: someone with an account, found by name or e-mail, or a new e-mail to invite. */
export function EnrollModal({ cohortId, onClose }: { cohortId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [uiLocale] = useLocale();
  const enroll = useEnroll(cohortId);
  const [mode, setMode] = useState<Mode>('existing');
  const [search, setSearch] = useState('');
  const [person, setPerson] = useState<User | null>(null);
  // Once someone is picked the input shows their label: that is no new search.
  const [q] = useDebouncedValue(person && search === optionLabel(person) ? '' : search.trim(), 300);
  const [email, setEmail] = useState('');
  const [fullName, setFullName] = useState('');
  const [locale, setLocale] = useState<Locale>(uiLocale);
  const [submitted, setSubmitted] = useState(false);
  // Only trainees can be enrolled; coordinators get the trainees of their own centre.
  const trainees = useUsers({ role: 'trainee', q, page: 1 });
  const found = trainees.data?.items ?? [];
  const options = person && !found.some((user) => user.id === person.id) ? [person, ...found] : found;

  const submit = () => {
    setSubmitted(true);
    if (mode === 'existing') {
      if (person) enroll.mutate({ userId: person.id }, { onSuccess: onClose });
    } else {
      enroll.mutate({ email: email.trim(), fullName: fullName.trim(), locale }, { onSuccess: onClose });
    }
  };

  return (
    <FormModal
      title={t('cohorts.enroll.title')}
      opened
      onClose={onClose}
      onSubmit={submit}
      saving={enroll.isPending}
      error={enroll.error}
      saveTestId="enroll-save"
    >
      <SegmentedControl
        value={mode}
        onChange={(value) => setMode(value as Mode)}
        data={[
          { value: 'existing', label: t('cohorts.enroll.existing') },
          { value: 'new', label: t('cohorts.enroll.new') },
        ]}
        data-testid="enroll-mode"
      />
      {mode === 'existing' ? (
        <Select
          label={t('cohorts.enroll.person')}
          placeholder={t('cohorts.enroll.personPlaceholder')}
          data={options.map((user) => ({ value: user.id, label: optionLabel(user) }))}
          value={person?.id ?? null}
          onChange={(id) => setPerson(options.find((user) => user.id === id) ?? null)}
          searchValue={search}
          onSearchChange={setSearch}
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          required
          error={submitted && !person ? t('errors.required') : undefined}
          data-testid="enroll-user"
        />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('fields.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            required
            dir="ltr"
            data-testid="enroll-email"
          />
          <TextInput
            label={t('fields.fullName')}
            value={fullName}
            onChange={(e) => setFullName(e.currentTarget.value)}
            required
            dir="auto"
            data-testid="enroll-full-name"
          />
          <LocaleSelect
            value={locale}
            onChange={setLocale}
            label={t('cohorts.enroll.invitationLanguage')}
            testId="enroll-locale"
          />
        </SimpleGrid>
      )}
    </FormModal>
  );
}
