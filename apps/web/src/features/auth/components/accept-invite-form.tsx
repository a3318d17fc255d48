import { useState } from 'react';
import { Button, PasswordInput, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/shared/components/error-alert';
import { browserTimeZone } from '@/shared/lib/browser-time-zone';
import { useAcceptInvite } from '../api/auth.mutations';

export const MIN_PASSWORD_LENGTH = 10;

interface AcceptInviteFormProps {
  token: string;
  onAccepted: () => void;
}

export function AcceptInviteForm({ token, onAccepted }: AcceptInviteFormProps) {
  const { t } = useTranslation();
  const acceptInvite = useAcceptInvite();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [submitted, setSubmitted] = useState(false);

  const tooShort = password.length < MIN_PASSWORD_LENGTH;
  const mismatch = password !== confirmation;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (tooShort || mismatch) return;
    // The device's zone: an expert in Toronto invited from Casablanca sees Toronto times from the start.
    const timeZone = browserTimeZone();
    acceptInvite.mutate({ token, password, ...(timeZone ? { timeZone } : {}) }, { onSuccess: onAccepted });
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        {acceptInvite.isError && <ErrorAlert error={acceptInvite.error} testId="accept-invite-error" />}
        <PasswordInput
          label={t('fields.newPassword')}
          description={t('auth.invite.passwordHint', { count: MIN_PASSWORD_LENGTH })}
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={
            submitted && tooShort
              ? t('auth.invite.passwordTooShort', { count: MIN_PASSWORD_LENGTH })
              : undefined
          }
          data-testid="invite-password"
        />
        <PasswordInput
          label={t('fields.confirmPassword')}
          autoComplete="new-password"
          value={confirmation}
          onChange={(event) => setConfirmation(event.currentTarget.value)}
          error={submitted && mismatch ? t('auth.invite.passwordMismatch') : undefined}
          data-testid="invite-password-confirm"
        />
        <Button type="submit" loading={acceptInvite.isPending} data-testid="invite-submit">
          {t('auth.invite.submit')}
        </Button>
      </Stack>
    </form>
  );
}
