import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { MyCertificates } from '@/features/certificates/components/my-certificates';
import { DataSaverChoice } from './data-saver-choice';
import { ProfileForm } from './profile-form';

export function ProfilePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Stack>
      <Title order={1}>{t('profile.title')}</Title>
      <ProfileForm user={user} />
      <DataSaverChoice withExplanation />
      <MyCertificates />
    </Stack>
  );
}
