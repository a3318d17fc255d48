import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { ApiError } from '@mre/api-client';

export const TWO_FACTOR_SETUP_STATE = { twoFactorSetupRequired: true } as const;

/**
 * People whose role requires two-step sign-in (TWO_FACTOR_REQUIRED_FOR) get 403
 * `two-factor-setup-required` from every page's data until they turn it on: they are taken to their
 * profile, where the setup is.
 */
export function useTwoFactorSetupRedirect(): void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'error') return;
        const error = event.action.error;
        if (error instanceof ApiError && error.code === 'two-factor-setup-required') {
          void navigate('/profile', { replace: true, state: TWO_FACTOR_SETUP_STATE });
        }
      }),
    [queryClient, navigate],
  );
}
