import type { Role } from '@mre/contracts';
import type { Credentials } from './pages';
import { platform } from './platform';

/**
 * Direct API calls, for what a test needs in place before it opens the browser (a user of its own);
 * what the test is about goes through the pages.
 */
export async function createUser(
  admin: Credentials,
  user: Credentials & { fullName: string; role: Role },
): Promise<void> {
  const { accessToken } = await call<{ accessToken: string }>('POST', '/api/auth/login', admin);
  await call('POST', '/api/users', user, accessToken);
}

export type ApiCall = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** Direct API calls as `user`, signed in once. */
export async function apiAs(user: Credentials): Promise<ApiCall> {
  const { accessToken } = await call<{ accessToken: string }>('POST', '/api/auth/login', user);
  return (method, path, body) => call(method, path, body, accessToken);
}

async function call<T>(method: string, path: string, body?: unknown, accessToken?: string): Promise<T> {
  const response = await fetch(`${platform().baseUrl}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}
