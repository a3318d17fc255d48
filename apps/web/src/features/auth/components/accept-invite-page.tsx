import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { AcceptInviteForm } from './accept-invite-form';
import { AuthCard } from './auth-card';

export default function AcceptInvitePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const token = searchParams.get('token');
  return (
    <AuthCard title={t('auth.invite.title')}>
      {token ? (
        <AcceptInviteForm token={token} onAccepted={() => navigate('/', { replace: true })} />
      ) : (
        <Alert
          color="red"
          role="alert"
          data-testid="accept-invite-error"
          title={t('auth.invite.missingToken')}
        />
      )}
    </AuthCard>
  );
}
