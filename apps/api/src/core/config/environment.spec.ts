import { InvalidConfigurationError, validateEnvironment } from './environment';

const production = {
  NODE_ENV: 'production',
  JWT_SECRET: 'a-long-enough-secret-for-tests',
  LIVEKIT_API_KEY: 'APIkey123',
  LIVEKIT_API_SECRET: 'a-real-livekit-secret',
};

describe('validateEnvironment in production', () => {
  it('accepts a complete production configuration', () => {
    expect(validateEnvironment(production).NODE_ENV).toBe('production');
  });

  it('refuses LiveKit’s well-known development pair, with which anyone could sign webhooks', () => {
    expect(() =>
      validateEnvironment({ ...production, LIVEKIT_API_KEY: undefined, LIVEKIT_API_SECRET: undefined }),
    ).toThrow(InvalidConfigurationError);
    expect(() => validateEnvironment({ ...production, LIVEKIT_API_KEY: 'devkey' })).toThrow(
      /devkey\/secret is refused in production/,
    );
    expect(() => validateEnvironment({ ...production, LIVEKIT_API_SECRET: 'secret' })).toThrow(
      /LIVEKIT_API_SECRET/,
    );
  });

  it('still refuses a missing JWT secret, and names every problem at once', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET: is required in production\n {2}LIVEKIT_API_KEY/,
    );
  });

  it('keeps the development defaults outside production', () => {
    expect(validateEnvironment({}).LIVEKIT_API_KEY).toBe('devkey');
  });
});
