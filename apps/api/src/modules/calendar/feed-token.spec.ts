import { FEED_TOKEN_PATTERN, FeedTokenSeal, feedTokenHash, newFeedToken } from './feed-token';

describe('feed tokens', () => {
  it('are 256 random bits in base64url, different each time', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => newFeedToken()));
    expect(tokens.size).toBe(50);
    for (const token of tokens) expect(token).toMatch(FEED_TOKEN_PATTERN);
  });

  it('open again under the same secret, and not under another', () => {
    const sut = new FeedTokenSeal('a-long-enough-secret-for-tests');
    const token = newFeedToken();
    const sealed = sut.seal(token);
    expect(sealed).not.toContain(token);
    expect(sut.open(sealed)).toBe(token);
    expect(new FeedTokenSeal('another-secret-of-the-server').open(sealed)).toBeNull();
    expect(sut.open('garbage')).toBeNull();
  });

  it('are looked up by a hash that is not the token', () => {
    const token = newFeedToken();
    expect(feedTokenHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(feedTokenHash(token)).toBe(feedTokenHash(token));
  });
});
