import { LocalStorageTokenStore } from '@mre/api-client';
import { describe, expect, it } from 'vitest';
import { keepSignedInHint } from './signed-in-hint';

describe('the signed-in hint cookie', () => {
  it('is there while tokens are stored and gone after signing out, without the tokens in it', () => {
    localStorage.clear();
    const tokens = new LocalStorageTokenStore(localStorage);
    keepSignedInHint(tokens);
    expect(document.cookie).not.toContain('mre.signed-in');

    tokens.set({ accessToken: 'access-secret', refreshToken: 'refresh-secret' });
    expect(document.cookie).toContain('mre.signed-in=1');
    expect(document.cookie).not.toContain('secret');

    tokens.clear();
    expect(document.cookie).not.toContain('mre.signed-in');
  });

  it('is set at start for someone signed in before (a reload, a new release)', () => {
    localStorage.setItem('mre.tokens', JSON.stringify({ accessToken: 'a', refreshToken: 'r' }));
    keepSignedInHint(new LocalStorageTokenStore(localStorage));
    expect(document.cookie).toContain('mre.signed-in=1');
  });
});
