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

describe('validateEnvironment for object storage', () => {
  it('keeps files on this machine unless a whole S3 configuration is given', () => {
    expect(validateEnvironment({}).S3_ENDPOINT).toBeUndefined();
    expect(validateEnvironment({}).MATERIAL_MAX_MB).toBe(200);
    expect(() => validateEnvironment({ S3_ENDPOINT: 'http://minio:9000' })).toThrow(/set all four, or none/);
    const s3 = validateEnvironment({
      S3_ENDPOINT: 'http://minio:9000',
      S3_BUCKET: 'academy-files',
      S3_ACCESS_KEY_ID: 'academy',
      S3_SECRET_ACCESS_KEY: 'a-secret-key',
      S3_FORCE_PATH_STYLE: 'true',
    });
    expect(s3.S3_FORCE_PATH_STYLE).toBe(true);
    expect(() => validateEnvironment({ MATERIAL_MAX_MB: '0' })).toThrow(/MATERIAL_MAX_MB/);
  });
});
