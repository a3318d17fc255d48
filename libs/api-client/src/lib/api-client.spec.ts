import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from './api-client';
import { LocalStorageTokenStore, type TokenPair } from './token-store';

const BASE_URL = 'http://api.test';

function memoryStorage(): Storage {
  const values = new Map<string, string>();
  return {
    get length() {
      return values.size;
    },
    clear: () => values.clear(),
    getItem: (key) => values.get(key) ?? null,
    key: (index) => [...values.keys()][index] ?? null,
    removeItem: (key) => void values.delete(key),
    setItem: (key, value) => void values.set(key, value),
  };
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const user = { id: 'u1', email: 'a@b.c', fullName: 'A', role: 'admin', status: 'active', locale: 'fr' };

/** A fake API where only `valid` is an accepted access token and `r1` the only usable refresh token. */
function fakeApi(
  refreshAnswer: () => Response = () => json(200, { accessToken: 'valid', refreshToken: 'r2', user }),
) {
  return vi.fn(async (request: Request) => {
    const { pathname } = new URL(request.url);
    if (pathname === '/api/auth/refresh') {
      const { refreshToken } = (await request.json()) as { refreshToken: string };
      return refreshToken === 'r1' ? refreshAnswer() : json(401, { statusCode: 401, message: 'revoked' });
    }
    if (request.headers.get('Authorization') !== 'Bearer valid') return json(401, { statusCode: 401 });
    return json(200, request.method === 'PATCH' ? await request.json() : user);
  });
}

function setUp(initial: TokenPair | null, fetch = fakeApi()) {
  const tokens = new LocalStorageTokenStore(memoryStorage());
  if (initial) tokens.set(initial);
  const onSignedOut = vi.fn();
  const sut = createApiClient({ baseUrl: BASE_URL, tokens, onSignedOut, fetch });
  return { sut, tokens, onSignedOut, fetch };
}

const refreshCalls = (fetch: ReturnType<typeof fakeApi>) =>
  fetch.mock.calls.filter(([request]) => request.url.endsWith('/api/auth/refresh')).length;

describe('createApiClient', () => {
  it('sends the access token as a bearer token', async () => {
    const { sut } = setUp({ accessToken: 'valid', refreshToken: 'r1' });

    const { data } = await sut.GET('/api/me');

    expect(data?.email).toBe('a@b.c');
  });

  it('refreshes an expired token and replays the request with its body', async () => {
    const { sut, tokens } = setUp({ accessToken: 'expired', refreshToken: 'r1' });

    const { data } = await sut.PATCH('/api/me', { body: { fullName: 'New name' } });

    expect(data).toEqual({ fullName: 'New name' });
    expect(tokens.get()).toEqual({ accessToken: 'valid', refreshToken: 'r2' });
  });

  it('shares one refresh between concurrent 401s', async () => {
    const { sut, fetch } = setUp({ accessToken: 'expired', refreshToken: 'r1' });

    const results = await Promise.all([sut.GET('/api/me'), sut.GET('/api/me'), sut.GET('/api/me')]);

    expect(results.map((result) => result.response.status)).toEqual([200, 200, 200]);
    expect(refreshCalls(fetch)).toBe(1);
  });

  it('clears the tokens and reports sign-out when the refresh is refused', async () => {
    const fetch = fakeApi(() => json(401, { statusCode: 401, message: 'revoked' }));
    const { sut, tokens, onSignedOut } = setUp({ accessToken: 'expired', refreshToken: 'r1' }, fetch);

    const { response } = await sut.GET('/api/me');

    expect(response.status).toBe(401);
    expect(tokens.get()).toBeNull();
    expect(onSignedOut).toHaveBeenCalledOnce();
  });

  it('passes a 401 of the login route through without refreshing', async () => {
    const fetch = vi.fn(async () => json(401, { statusCode: 401, message: 'Invalid credentials' }));
    const { sut, onSignedOut } = setUp({ accessToken: 'expired', refreshToken: 'r1' }, fetch);

    const { response } = await sut.POST('/api/auth/login', { body: { email: 'a@b.c', password: 'wrong' } });

    expect(response.status).toBe(401);
    expect(fetch).toHaveBeenCalledOnce();
    expect(onSignedOut).not.toHaveBeenCalled();
  });
});
