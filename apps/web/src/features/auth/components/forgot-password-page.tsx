import { useState } from 'react';
import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/shared/components/error-alert';
import { useForgotPassword } from '../api/auth.mutations';
import { AuthCard } from './auth-card';

/** Asks for a reset link; the answer is the same whether the e-mail is known or not. */
export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const forgot = useForgotPassword();
  const [email, setEmail] = useState('');

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    forgot.mutate({ email: email.trim() });
  };

  return (
    <AuthCard title={t('auth.forgot.title')}>
      {forgot.isSuccess ? (
        <Stack>
          <Alert
            color="green"
            role="status"
            data-testid="forgot-password-sent"
            title={t('auth.forgot.sentTitle')}
          >
            {t('auth.forgot.sent', { email: email.trim() })}
          </Alert>
          <Anchor component={Link} to="/login" data-testid="back-to-login">
            {t('auth.forgot.backToLogin')}
          </Anchor>
        </Stack>
      ) : (
        <form onSubmit={submit} data-testid="forgot-password-form">
          <Stack>
            <Text size="sm">{t('auth.forgot.intro')}</Text>
            {forgot.isError && <ErrorAlert error={forgot.error} testId="forgot-password-error" />}
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="username"
              required
              dir="ltr"
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              data-testid="forgot-password-email"
            />
            <Button type="submit" loading={forgot.isPending} data-testid="forgot-password-submit">
              {t('auth.forgot.submit')}
            </Button>
            <Anchor component={Link} to="/login" size="sm">
              {t('auth.forgot.backToLogin')}
            </Anchor>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
