import { useMutation } from '@tanstack/react-query';
import { unwrap, type Schemas } from '@mre/api-client';
import { useApi } from '@/shared/api/services.context';
import { useSignIn } from '../hooks/use-session';

export type MfaChallenge = Schemas['MfaChallengeDto'];
type SignInAnswer = Schemas['LoginResponseDto'] | MfaChallenge;

export const isMfaChallenge = (answer: SignInAnswer): answer is MfaChallenge =>
  'mfaRequired' in answer && answer.mfaRequired === true;

/** Signs in, unless the answer asks for a two-factor code (the caller then shows the code step). */
export function useLogin() {
  const api = useApi();
  const signIn = useSignIn();
  return useMutation({
    mutationFn: (body: Schemas['LoginDto']) =>
      unwrap(api.POST('/api/auth/login', { body })) as Promise<SignInAnswer>,
    onSuccess: (answer) => {
      if (!isMfaChallenge(answer)) signIn(answer);
    },
  });
}

export function useLoginTwoFactor() {
  const api = useApi();
  const signIn = useSignIn();
  return useMutation({
    mutationFn: (body: Schemas['LoginTwoFactorDto']) => unwrap(api.POST('/api/auth/login/2fa', { body })),
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

export function useForgotPassword() {
  const api = useApi();
  return useMutation({
    mutationFn: (body: Schemas['ForgotPasswordDto']) =>
      unwrap(api.POST('/api/auth/forgot-password', { body })),
  });
}

export function useResetPassword() {
  const api = useApi();
  const signIn = useSignIn();
  return useMutation({
    mutationFn: (body: Schemas['ResetPasswordDto']) =>
      unwrap(api.POST('/api/auth/reset-password', { body })) as Promise<SignInAnswer>,
    onSuccess: (answer) => {
      if (!isMfaChallenge(answer)) signIn(answer);
    },
  });
}
