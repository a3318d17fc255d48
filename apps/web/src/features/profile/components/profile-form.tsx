import { useState } from 'react';
import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@mre/contracts';
import { ErrorAlert } from '@/shared/components/error-alert';
import { TimeZoneSelect } from '@/shared/components/time-zone-select';
import type { SessionUser } from '@/features/auth/hooks/use-session';
import { useUpdateMe } from '../api/profile.mutations';
import { LocaleSelect } from '@/shared/components/locale-select';

export function ProfileForm({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const updateMe = useUpdateMe();
  const [fullName, setFullName] = useState(user.fullName);
  const [locale, setLocale] = useState<Locale>(user.locale);
  const [timeZone, setTimeZone] = useState(user.timeZone);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    // A locked legal name is staff's to correct: the form leaves it out of what it saves.
    updateMe.mutate(
      user.legalNameLocked ? { locale, timeZone } : { fullName: fullName.trim(), locale, timeZone },
    );
  };

  return (
    <form onSubmit={submit}>
      <Stack maw={480}>
        {updateMe.isError && <ErrorAlert error={updateMe.error} />}
        {updateMe.isSuccess && (
          <Alert color="green" role="status" data-testid="profile-saved" title={t('profile.saved')} />
        )}
        <TextInput label={t('fields.email')} value={user.email} readOnly dir="ltr" />
        <TextInput
          label={t('fields.fullName')}
          value={fullName}
          onChange={(event) => setFullName(event.currentTarget.value)}
          readOnly={user.legalNameLocked}
          description={user.legalNameLocked ? t('profile.legalNameLocked') : undefined}
          required
          data-testid="profile-full-name"
        />
        <LocaleSelect value={locale} onChange={setLocale} testId="profile-locale" />
        <TimeZoneSelect value={timeZone} onChange={setTimeZone} testId="profile-time-zone" offerDeviceZone />
        <Button type="submit" loading={updateMe.isPending} data-testid="profile-save">
          {t('common.save')}
        </Button>
      </Stack>
    </form>
  );
}
