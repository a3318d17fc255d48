import { useTranslation } from 'react-i18next';
import { AuthCard } from './auth-card';
import { LoginForm } from './login-form';
import { useRestOfTextsOnceShown } from '@/shared/hooks/use-rest-of-texts';

/** Sits under <RedirectIfSignedIn>, which leaves the page once the sign-in succeeds. */
export function LoginPage() {
  useRestOfTextsOnceShown();
  const { t } = useTranslation();
  return (
    <AuthCard title={t('auth.login.title')}>
      <LoginForm />
    </AuthCard>
  );
}
