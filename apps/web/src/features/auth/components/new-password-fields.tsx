import { PasswordInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from './accept-invite-form';

interface NewPasswordFieldsProps {
  password: string;
  confirmation: string;
  onPassword: (value: string) => void;
  onConfirmation: (value: string) => void;
  /** Show the errors (after a first submit). */
  submitted: boolean;
  testId: string;
}

/** A new password typed twice; `newPasswordProblem` says whether it may be sent. */
export function NewPasswordFields(props: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  const problem = newPasswordProblem(props.password, props.confirmation);
  return (
    <>
      <PasswordInput
        label={t('fields.newPassword')}
        description={t('auth.invite.passwordHint', { count: MIN_PASSWORD_LENGTH })}
        autoComplete="new-password"
        required
        value={props.password}
        onChange={(event) => props.onPassword(event.currentTarget.value)}
        error={
          props.submitted && problem === 'short'
            ? t('auth.invite.passwordTooShort', { count: MIN_PASSWORD_LENGTH })
            : undefined
        }
        data-testid={`${props.testId}-password`}
      />
      <PasswordInput
        label={t('fields.confirmPassword')}
        autoComplete="new-password"
        required
        value={props.confirmation}
        onChange={(event) => props.onConfirmation(event.currentTarget.value)}
        error={props.submitted && problem === 'mismatch' ? t('auth.invite.passwordMismatch') : undefined}
        data-testid={`${props.testId}-confirm`}
      />
    </>
  );
}

export function newPasswordProblem(password: string, confirmation: string): 'short' | 'mismatch' | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'short';
  if (password !== confirmation) return 'mismatch';
  return null;
}
