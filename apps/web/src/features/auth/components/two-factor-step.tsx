import { useState } from 'react';
import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/shared/components/error-alert';
import { useLoginTwoFactor } from '../api/auth.mutations';

/** The second step of a sign-in with two-factor: a code from the app, or a recovery code. */
export function TwoFactorStep({ mfaToken, onSignedIn }: { mfaToken: string; onSignedIn?: () => void }) {
  const { t } = useTranslation();
  const verify = useLoginTwoFactor();
  const [code, setCode] = useState('');

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    verify.mutate({ mfaToken, code: code.trim() }, { onSuccess: onSignedIn });
  };

  return (
    <form onSubmit={submit} data-testid="two-factor-form">
      <Stack>
        <Text size="sm">{t('auth.twoFactor.prompt')}</Text>
        {verify.isError && <ErrorAlert error={verify.error} testId="two-factor-error" />}
        <TextInput
          label={t('auth.twoFactor.code')}
          description={t('auth.twoFactor.recoveryHint')}
          autoComplete="one-time-code"
          inputMode="text"
          required
          autoFocus
          dir="ltr"
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          data-testid="two-factor-code"
        />
        <Button type="submit" loading={verify.isPending} data-testid="two-factor-submit">
          {t('auth.twoFactor.submit')}
        </Button>
      </Stack>
    </form>
  );
}
