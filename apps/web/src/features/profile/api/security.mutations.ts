import { useMutation } from '@tanstack/react-query';
import { unwrap, type Schemas } from '@mre/api-client';
import { useServices } from '@/shared/api/services.context';
import { ME_QUERY_KEY } from '@/features/auth/hooks/use-session';

export function useChangePassword() {
  const { api } = useServices();
  return useMutation({
    mutationFn: (body: Schemas['ChangePasswordDto']) => unwrap(api.POST('/api/me/password', { body })),
  });
}

export function useSignOutOtherDevices() {
  const { api } = useServices();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/me/sessions/revoke-others')),
  });
}

export function useTwoFactorSetup() {
  const { api } = useServices();
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/me/2fa/setup')) });
}

/**
 * Turns 2FA on, then takes a new pair of tokens: a person whose role requires 2FA had tokens that
 * reached only their profile until now.
 */
export function useTwoFactorEnable() {
  const { api, queryClient, tokens } = useServices();
  return useMutation({
    mutationFn: (body: Schemas['TwoFactorCodeDto']) => unwrap(api.POST('/api/me/2fa/enable', { body })),
    onSuccess: async () => {
      const current = tokens.get();
      if (current) {
        const pair = await api.POST('/api/auth/refresh', { body: { refreshToken: current.refreshToken } });
        if (pair.data)
          tokens.set({ accessToken: pair.data.accessToken, refreshToken: pair.data.refreshToken });
      }
      await queryClient.invalidateQueries();
    },
  });
}

export function useTwoFactorDisable() {
  const { api, queryClient } = useServices();
  return useMutation({
    mutationFn: (body: Schemas['TwoFactorCodeDto']) => unwrap(api.POST('/api/me/2fa/disable', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
  });
}
