import { useEffect, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Image,
  List,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/shared/components/error-alert';
import type { SessionUser } from '@/features/auth/hooks/use-session';
import { useTwoFactorDisable, useTwoFactorEnable, useTwoFactorSetup } from '../api/security.mutations';

/** The otpauth:// link as a QR code image; the library is loaded only when someone sets up 2FA. */
function useQrCode(text: string | undefined): string | undefined {
  const [image, setImage] = useState<string>();
  useEffect(() => {
    if (!text) return;
    let live = true;
    void import('qrcode').then((qr) =>
      qr.toDataURL(text, { margin: 1, width: 200 }).then((url) => live && setImage(url)),
    );
    return () => {
      live = false;
    };
  }, [text]);
  return image;
}

/** Two-factor sign-in: set up with a QR code, the recovery codes shown once, or turned off with a code. */
export function TwoFactorCard({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const setup = useTwoFactorSetup();
  const enable = useTwoFactorEnable();
  const disable = useTwoFactorDisable();
  const [code, setCode] = useState('');
  const qr = useQrCode(setup.data?.otpauthUrl);
  const recoveryCodes = enable.data?.recoveryCodes;

  const submitEnable = (event: React.FormEvent) => {
    event.preventDefault();
    enable.mutate({ code: code.trim() }, { onSuccess: () => setCode('') });
  };
  const submitDisable = (event: React.FormEvent) => {
    event.preventDefault();
    disable.mutate({ code: code.trim() }, { onSuccess: () => setCode('') });
  };

  return (
    <Paper withBorder p="md" radius="md" maw={480} data-testid="two-factor-card">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h3">
            {t('profile.twoFactor.title')}
          </Title>
          <Badge
            color={user.twoFactorEnabled ? 'green' : 'gray'}
            variant="light"
            data-testid="two-factor-status"
          >
            {t(user.twoFactorEnabled ? 'profile.twoFactor.on' : 'profile.twoFactor.off')}
          </Badge>
        </Group>
        {recoveryCodes && (
          <Alert color="yellow" title={t('profile.twoFactor.recoveryTitle')} data-testid="recovery-codes">
            <Text size="sm" mb="xs">
              {t('profile.twoFactor.recoveryHint')}
            </Text>
            <List size="sm" dir="ltr">
              {recoveryCodes.map((c) => (
                <List.Item key={c}>
                  <Code>{c}</Code>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {!user.twoFactorEnabled && !setup.data && (
          <>
            <Text size="sm">{t('profile.twoFactor.intro')}</Text>
            {setup.isError && <ErrorAlert error={setup.error} />}
            <Group>
              <Button onClick={() => setup.mutate()} loading={setup.isPending} data-testid="two-factor-setup">
                {t('profile.twoFactor.setUp')}
              </Button>
            </Group>
          </>
        )}
        {!user.twoFactorEnabled && setup.data && (
          <form onSubmit={submitEnable} data-testid="two-factor-enable-form">
            <Stack>
              <Text size="sm">{t('profile.twoFactor.scan')}</Text>
              {qr && (
                <Image
                  src={qr}
                  alt={t('profile.twoFactor.qrAlt')}
                  w={200}
                  h={200}
                  data-testid="two-factor-qr"
                />
              )}
              <Text size="sm">
                {t('profile.twoFactor.secret')}{' '}
                <Code dir="ltr" data-testid="two-factor-secret">
                  {setup.data.secret}
                </Code>
              </Text>
              {enable.isError && <ErrorAlert error={enable.error} />}
              <TextInput
                label={t('auth.twoFactor.code')}
                autoComplete="one-time-code"
                inputMode="numeric"
                required
                dir="ltr"
                value={code}
                onChange={(event) => setCode(event.currentTarget.value)}
                data-testid="two-factor-enable-code"
              />
              <Group>
                <Button type="submit" loading={enable.isPending} data-testid="two-factor-enable">
                  {t('profile.twoFactor.enable')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {user.twoFactorEnabled && (
          <form onSubmit={submitDisable} data-testid="two-factor-disable-form">
            <Stack>
              {disable.isError && <ErrorAlert error={disable.error} />}
              <TextInput
                label={t('auth.twoFactor.code')}
                description={t('auth.twoFactor.recoveryHint')}
                autoComplete="one-time-code"
                required
                dir="ltr"
                value={code}
                onChange={(event) => setCode(event.currentTarget.value)}
                data-testid="two-factor-disable-code"
              />
              <Group>
                <Button
                  type="submit"
                  color="red"
                  variant="light"
                  loading={disable.isPending}
                  data-testid="two-factor-disable"
                >
                  {t('profile.twoFactor.disable')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
