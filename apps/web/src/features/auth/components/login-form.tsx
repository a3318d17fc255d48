import { useState } from 'react';
import { Anchor, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/shared/components/error-alert';
import { isMfaChallenge, useLogin } from '../api/auth.mutations';
import { TwoFactorStep } from './two-factor-step';

export function LoginForm() {
  const { t } = useTranslation();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    login.mutate({ email: email.trim(), password });
  };

  if (login.data && isMfaChallenge(login.data)) return <TwoFactorStep mfaToken={login.data.mfaToken} />;

  return (
    <form onSubmit={submit} data-testid="login-form">
      <Stack>
        {login.isError && <ErrorAlert error={login.error} testId="login-error" />}
        <TextInput
          label={t('fields.email')}
          type="email"
          autoComplete="username"
          required
          dir="ltr"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          data-testid="login-email"
        />
        <PasswordInput
          label={t('fields.password')}
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          data-testid="login-password"
        />
        <Group justify="flex-end">
          <Anchor component={Link} to="/forgot-password" size="sm" data-testid="forgot-password-link">
            {t('auth.forgot.link')}
          </Anchor>
        </Group>
        <Button type="submit" loading={login.isPending} data-testid="login-submit">
          {t('auth.login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
