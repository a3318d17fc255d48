import { useCallback, useSyncExternalStore } from 'react';
import { useQuery } from '@tanstack/react-query';
import { unwrap, type Schemas } from '@mre/api-client';
import type { Locale } from '@mre/contracts';
import { isLocale } from '@/i18n/i18n';
import { useServices } from '@/shared/api/services.context';
import { takeLocaleChosenBeforeSignIn } from './locale-chosen';

export type SessionUser = Schemas['UserDto'];
export const ME_QUERY_KEY = ['me'] as const;

export type Session =
  | { status: 'anonymous'; user: null }
  | { status: 'loading'; user: null }
  | { status: 'error'; user: null; error: unknown; retry: () => void }
  | { status: 'signed-in'; user: SessionUser };

/** Signed in means "holds tokens"; the user comes from GET /me, or from the sign-in answer. */
export function useSession(): Session {
  const { api, tokens } = useServices();
  const subscribe = useCallback((listener: () => void) => tokens.subscribe(listener), [tokens]);
  const signedIn = useSyncExternalStore(subscribe, () => tokens.get() !== null);
  const me = useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: () => unwrap(api.GET('/api/me')),
    enabled: signedIn,
    staleTime: Infinity,
  });

  if (!signedIn) return { status: 'anonymous', user: null };
  if (me.data) return { status: 'signed-in', user: me.data };
  if (me.isError) return { status: 'error', user: null, error: me.error, retry: () => void me.refetch() };
  return { status: 'loading', user: null };
}

/** The signed-in user, for pages under <RequireAuth>. */
export function useCurrentUser(): SessionUser {
  const session = useSession();
  if (session.status !== 'signed-in') throw new Error('useCurrentUser() outside <RequireAuth>');
  return session.user;
}

/** Saves `locale` on the signed-in person's profile, and caches the answer. */
export function useSaveLocale(): (locale: Locale) => Promise<void> {
  const { api, queryClient } = useServices();
  return useCallback(
    async (locale) => {
      const user = await unwrap(api.PATCH('/api/me', { body: { locale } }));
      queryClient.setQueryData(ME_QUERY_KEY, user);
    },
    [api, queryClient],
  );
}

export function useSignIn() {
  const { tokens, queryClient, i18n } = useServices();
  const saveLocale = useSaveLocale();
  return useCallback(
    ({ accessToken, refreshToken, user }: Schemas['LoginResponseDto']) => {
      queryClient.setQueryData(ME_QUERY_KEY, user);
      tokens.set({ accessToken, refreshToken });
      // A language picked on the sign-in page wins over the profile's, and becomes the profile's.
      const chosen = takeLocaleChosenBeforeSignIn();
      if (isLocale(chosen) && chosen !== user.locale) void saveLocale(chosen).catch(() => undefined);
      else void i18n.changeLanguage(user.locale);
    },
    [tokens, queryClient, i18n, saveLocale],
  );
}

/** How long signing out waits for the server before forgetting the tokens anyway. */
const SIGN_OUT_WAIT_MS = 3_000;

/**
 * Signs out on the server too (the refresh token's family and the access token stop working), then
 * forgets the tokens here; a server that does not answer within moments does not keep anyone signed in.
 */
export function useSignOut() {
  const { api, tokens, queryClient } = useServices();
  return useCallback(async () => {
    const current = tokens.get();
    if (current) {
      const logout = api
        .POST('/api/auth/logout', { body: { refreshToken: current.refreshToken } })
        .catch(() => undefined);
      await Promise.race([logout, new Promise((resolve) => setTimeout(resolve, SIGN_OUT_WAIT_MS))]);
    }
    tokens.clear();
    queryClient.clear();
  }, [api, tokens, queryClient]);
}
