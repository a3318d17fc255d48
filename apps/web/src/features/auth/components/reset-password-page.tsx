import { useState } from 'react';
import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '@/shared/components/error-alert';
import { isMfaChallenge, useResetPassword } from '../api/auth.mutations';
import { AuthCard } from './auth-card';
import { newPasswordProblem, NewPasswordFields } from './new-password-fields';
import { TwoFactorStep } from './two-factor-step';

/** The page of the e-mailed link: a new password, then signed in (after the 2FA code, if any). */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token');
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const done = () => navigate('/', { replace: true });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!token || newPasswordProblem(password, confirmation)) return;
    reset.mutate({ token, password }, { onSuccess: (answer) => !isMfaChallenge(answer) && done() });
  };

  if (reset.data && isMfaChallenge(reset.data)) {
    return (
      <AuthCard title={t('auth.reset.title')}>
        <TwoFactorStep mfaToken={reset.data.mfaToken} onSignedIn={done} />
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('auth.reset.title')}>
      {token ? (
        <form onSubmit={submit} data-testid="reset-password-form">
          <Stack>
            {reset.isError && (
              <ErrorAlert error={reset.error} testId="reset-password-error">
                <Anchor component={Link} to="/forgot-password" size="sm">
                  {t('auth.reset.askAgain')}
                </Anchor>
              </ErrorAlert>
            )}
            <NewPasswordFields
              password={password}
              confirmation={confirmation}
              onPassword={setPassword}
              onConfirmation={setConfirmation}
              submitted={submitted}
              testId="reset"
            />
            <Button type="submit" loading={reset.isPending} data-testid="reset-password-submit">
              {t('auth.reset.submit')}
            </Button>
          </Stack>
        </form>
      ) : (
        <Alert
          color="red"
          role="alert"
          data-testid="reset-password-error"
          title={t('auth.reset.missingToken')}
        >
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('auth.reset.askAgain')}
          </Anchor>
        </Alert>
      )}
    </AuthCard>
  );
}
