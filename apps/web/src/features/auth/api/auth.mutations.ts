import { useMutation } from '@tanstack/react-query';
import { unwrap, type Schemas } from '@mre/api-client';
import { useApi } from '@/shared/api/services.context';
import { useSignIn } from '../hooks/use-session';

export function useLogin() {
  const api = useApi();
  const signIn = useSignIn();
  return useMutation({
    mutationFn: (body: Schemas['LoginDto']) => unwrap(api.POST('/api/auth/login', { body })),
    onSuccess: signIn,
  });
}

export function useAcceptInvite() {
  const api = useApi();
  const signIn = useSignIn();
  return useMutation({
    mutationFn: (body: Schemas['AcceptInviteDto']) => unwrap(api.POST('/api/auth/accept-invite', { body })),
    onSuccess: signIn,
  });
}
