import type { Middleware } from 'openapi-fetch';
import type { TokenPair, TokenStore } from './token-store';

export interface RefreshOnUnauthorizedOptions {
  tokens: TokenStore;
  /** Exchanges a refresh token for a new pair; resolves to null when the server refuses it. */
  refresh: (refreshToken: string) => Promise<TokenPair | null>;
  onSignedOut?: () => void;
}

const AUTH_ROUTES = '/api/auth/';

/**
 * Adds the bearer token, and on a 401 outside the auth routes refreshes the pair once and replays
 * the request. Concurrent 401s share one refresh: the server revokes a refresh token once used, so a
 * second refresh with the same token would sign the user out.
 */
export function refreshOnUnauthorized({
  tokens,
  refresh,
  onSignedOut,
}: RefreshOnUnauthorizedOptions): Middleware {
  // The body of a sent request is consumed; a clone taken before sending is what gets replayed.
  const pending = new Map<string, Request>();
  let refreshing: Promise<TokenPair | null> | null = null;

  function refreshOnce(refreshToken: string): Promise<TokenPair | null> {
    refreshing ??= refresh(refreshToken)
      .catch(() => null)
      .then((pair) => {
        if (pair) tokens.set(pair);
        else signOut();
        return pair;
      })
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  }

  function signOut(): void {
    tokens.clear();
    onSignedOut?.();
  }

  return {
    onRequest({ request, schemaPath, id }) {
      const access = tokens.get()?.accessToken;
      if (access) request.headers.set('Authorization', `Bearer ${access}`);
      if (!schemaPath.startsWith(AUTH_ROUTES)) pending.set(id, request.clone());
      return request;
    },
    async onResponse({ response, id, options }) {
      const original = pending.get(id);
      pending.delete(id);
      if (response.status !== 401 || !original) return response;

      const pair = await freshTokens(original);
      if (!pair) return response;
      original.headers.set('Authorization', `Bearer ${pair.accessToken}`);
      return options.fetch(original);
    },
    onError({ id }) {
      pending.delete(id);
    },
  };

  /** Tokens newer than the ones the request was sent with: another request may have refreshed already. */
  async function freshTokens(sent: Request): Promise<TokenPair | null> {
    const current = tokens.get();
    if (!current) return null;
    if (sent.headers.get('Authorization') !== `Bearer ${current.accessToken}`) return current;
    return refreshOnce(current.refreshToken);
  }
}
