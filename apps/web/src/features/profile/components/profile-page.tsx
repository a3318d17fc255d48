import { Alert, Stack, Title } from '@mantine/core';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '@/features/auth/hooks/use-session';
import { CalendarFeedCard } from '@/features/calendar/components/calendar-feed-card';
import { MyCertificates } from '@/features/certificates/components/my-certificates';
import { NoticePreferences } from '@/features/notifications/components/notice-preferences';
import { ExportMyDataCard } from '@/features/privacy/components/export-my-data-card';
import { DataSaverChoice } from './data-saver-choice';
import { PasswordCard } from './password-card';
import { ProfileForm } from './profile-form';
import { TwoFactorCard } from './two-factor-card';

export function ProfilePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { state } = useLocation() as { state: { twoFactorSetupRequired?: boolean } | null };
  return (
    <Stack>
      <Title order={1}>{t('profile.title')}</Title>
      {state?.twoFactorSetupRequired && !user.twoFactorEnabled && (
        <Alert color="orange" role="alert" data-testid="two-factor-required">
          {t('errors.codes.two-factor-setup-required')}
        </Alert>
      )}
      <ProfileForm user={user} />
      <DataSaverChoice withExplanation />
      <NoticePreferences />
      <PasswordCard />
      <TwoFactorCard user={user} />
      <CalendarFeedCard />
      <MyCertificates />
      <ExportMyDataCard />
    </Stack>
  );
}
