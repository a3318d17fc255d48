import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../schema';
import { refreshOnUnauthorized } from './refresh-on-unauthorized.middleware';
import type { TokenStore } from './token-store';

export type ApiClient = Client<paths>;

export interface ApiClientOptions {
  /** '' in the browser: the web app and the API share one origin. */
  baseUrl: string;
  tokens: TokenStore;
  /** Called once the session cannot be refreshed any more (tokens are already cleared). */
  onSignedOut?: () => void;
  /** Defaults to the global fetch; tests pass a fake one. */
  fetch?: (request: Request) => Promise<Response>;
}

export function createApiClient({ baseUrl, tokens, onSignedOut, fetch }: ApiClientOptions): ApiClient {
  const client = createClient<paths>({ baseUrl, fetch });
  // A client without the middleware, so that the refresh call cannot itself trigger a refresh.
  const authClient = createClient<paths>({ baseUrl, fetch });

  client.use(
    refreshOnUnauthorized({
      tokens,
      onSignedOut,
      refresh: async (refreshToken) => {
        const { data } = await authClient.POST('/api/auth/refresh', { body: { refreshToken } });
        return data ? { accessToken: data.accessToken, refreshToken: data.refreshToken } : null;
      },
    }),
  );
  return client;
}
