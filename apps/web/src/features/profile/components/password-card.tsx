import { useState } from 'react';
import { Alert, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/shared/components/error-alert';
import { newPasswordProblem, NewPasswordFields } from '@/features/auth/components/new-password-fields';
import { useChangePassword, useSignOutOtherDevices } from '../api/security.mutations';

/** Change of password (the other devices are signed out with it), and signing out the other devices alone. */
export function PasswordCard() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const others = useSignOutOtherDevices();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [submitted, setSubmitted] = useState(false);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (newPasswordProblem(password, confirmation)) return;
    change.mutate(
      { currentPassword: current, newPassword: password },
      {
        onSuccess: () => {
          setCurrent('');
          setPassword('');
          setConfirmation('');
          setSubmitted(false);
        },
      },
    );
  };

  return (
    <Paper withBorder p="md" radius="md" maw={480}>
      <Stack>
        <Title order={2} size="h3">
          {t('profile.security.passwordTitle')}
        </Title>
        <form onSubmit={submit} data-testid="password-change-form">
          <Stack>
            {change.isError && <ErrorAlert error={change.error} testId="password-change-error" />}
            {change.isSuccess && (
              <Alert color="green" role="status" data-testid="password-changed">
                {t('profile.security.passwordChanged')}
              </Alert>
            )}
            <PasswordInput
              label={t('fields.currentPassword')}
              autoComplete="current-password"
              required
              value={current}
              onChange={(event) => setCurrent(event.currentTarget.value)}
              data-testid="password-current"
            />
            <NewPasswordFields
              password={password}
              confirmation={confirmation}
              onPassword={setPassword}
              onConfirmation={setConfirmation}
              submitted={submitted}
              testId="password-new"
            />
            <Group>
              <Button type="submit" loading={change.isPending} data-testid="password-change-submit">
                {t('profile.security.changePassword')}
              </Button>
            </Group>
          </Stack>
        </form>
        <Text size="sm" c="dimmed">
          {t('profile.security.otherDevicesHint')}
        </Text>
        {others.isError && <ErrorAlert error={others.error} />}
        {others.isSuccess && (
          <Alert color="green" role="status" data-testid="other-devices-signed-out">
            {t('profile.security.otherDevicesDone')}
          </Alert>
        )}
        <Group>
          <Button
            variant="light"
            onClick={() => others.mutate()}
            loading={others.isPending}
            data-testid="sign-out-other-devices"
          >
            {t('profile.security.otherDevices')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
