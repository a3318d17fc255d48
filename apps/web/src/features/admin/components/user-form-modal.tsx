import { useState } from 'react';
import { PasswordInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocalize } from '@/shared/hooks/use-localize';
import { ROLES, type Locale, type Role } from '@mre/contracts';
import { initialTimeZone } from '@/shared/lib/browser-time-zone';
import { useAllCentres, useAllNetworks } from '@/shared/api/reference-data.queries';
import { TimeZoneSelect } from '@/shared/components/time-zone-select';
import { useLocale } from '@/shared/hooks/use-locale';
import { MIN_PASSWORD_LENGTH } from '@/features/auth/components/accept-invite-form';
import { useCreateUser } from '../api/users.api';
import { FormModal } from '@/shared/components/form-modal';
import { LocaleSelect } from '@/shared/components/locale-select';

// Experts belong to a diaspora network; coordinators and trainees to a training centre.
const NEEDS_NETWORK: readonly Role[] = ['expert'];
const NEEDS_CENTRE: readonly Role[] = ['coordinator', 'trainee'];

export function UserFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [uiLocale] = useLocale();
  const networks = useAllNetworks();
  const centres = useAllCentres();
  const create = useCreateUser();
  const [email, setEmail] = useState('');
  const [fullName, setFullName] = useState('');
  const [role, setRole] = useState<Role>('trainee');
  const [locale, setLocale] = useState<Locale>(uiLocale);
  const [timeZone, setTimeZone] = useState(initialTimeZone);
  const [networkId, setNetworkId] = useState<string | null>(null);
  const [centreId, setCentreId] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);

  const needsNetwork = NEEDS_NETWORK.includes(role);
  const needsCentre = NEEDS_CENTRE.includes(role);
  const passwordTooShort = password.length > 0 && password.length < MIN_PASSWORD_LENGTH;

  const submit = () => {
    setSubmitted(true);
    if (passwordTooShort) return;
    create.mutate(
      {
        email: email.trim(),
        fullName: fullName.trim(),
        role,
        locale,
        timeZone,
        networkId: needsNetwork ? (networkId ?? undefined) : undefined,
        centreId: needsCentre ? (centreId ?? undefined) : undefined,
        password: password || undefined,
      },
      { onSuccess: onClose },
    );
  };

  return (
    <FormModal
      title={t('admin.users.create')}
      opened
      onClose={onClose}
      onSubmit={submit}
      saving={create.isPending}
      error={create.error}
      saveTestId="user-save"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('fields.email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          required
          dir="ltr"
          data-testid="user-email"
        />
        <TextInput
          label={t('fields.fullName')}
          value={fullName}
          onChange={(e) => setFullName(e.currentTarget.value)}
          required
          data-testid="user-full-name"
        />
        <Select
          label={t('fields.role')}
          data={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
          value={role}
          onChange={(value) => value && setRole(value as Role)}
          allowDeselect={false}
          data-testid="user-role"
        />
        <LocaleSelect value={locale} onChange={setLocale} testId="user-locale" />
        {needsNetwork && (
          <Select
            label={t('fields.network')}
            data={(networks.data ?? []).map((network) => ({
              value: network.id,
              label: localize(network.names),
            }))}
            value={networkId}
            onChange={setNetworkId}
            searchable
            data-testid="user-network"
          />
        )}
        {needsCentre && (
          <Select
            label={t('fields.centre')}
            data={(centres.data ?? []).map((centre) => ({
              value: centre.id,
              label: `${localize(centre.names)} (${centre.city})`,
            }))}
            value={centreId}
            onChange={setCentreId}
            searchable
            data-testid="user-centre"
          />
        )}
      </SimpleGrid>
      <TimeZoneSelect value={timeZone} onChange={setTimeZone} testId="user-time-zone" />
      <PasswordInput
        label={t('fields.password')}
        description={t('admin.users.passwordHint', { count: MIN_PASSWORD_LENGTH })}
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        error={
          submitted && passwordTooShort
            ? t('auth.invite.passwordTooShort', { count: MIN_PASSWORD_LENGTH })
            : undefined
        }
        autoComplete="new-password"
        data-testid="user-password"
      />
    </FormModal>
  );
}
