import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { MyCertificates } from '@/features/certificates/components/my-certificates';
import { PasswordCard } from './password-card';
import { ProfileForm } from './profile-form';
import { TwoFactorCard } from './two-factor-card';

export function ProfilePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Stack>
      <Title order={1}>{t('profile.title')}</Title>
      <ProfileForm user={user} />
      <PasswordCard />
      <TwoFactorCard user={user} />
      <MyCertificates />
    </Stack>
  );
}
