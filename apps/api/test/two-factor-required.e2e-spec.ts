import { totpCode } from '@/modules/identity/totp';
import { TestApp } from './support/test-app';

/** TWO_FACTOR_REQUIRED_FOR: people of those roles enable 2FA before anything else works. */
describe('Two-factor sign-in required for a role (e2e)', () => {
  let sut: TestApp;

  beforeAll(async () => {
    process.env.TWO_FACTOR_REQUIRED_FOR = 'coordinator';
    sut = await TestApp.start();
  });
  afterAll(async () => {
    await sut?.close();
    delete process.env.TWO_FACTOR_REQUIRED_FOR;
  });

  it('refuses everything but the profile and the 2FA setup until it is enabled, then it cannot be disabled', async () => {
    const coordinator = await sut.createUser('coordinator');
    const first = (
      await sut.http
        .post('/api/auth/login')
        .send({ email: coordinator.email, password: coordinator.password })
        .expect(200)
    ).body;
    const blocked = await sut.http
      .get('/api/cohorts')
      .auth(first.accessToken, { type: 'bearer' })
      .expect(403);
    expect(blocked.body.code).toBe('two-factor-setup-required');
    await sut.http.get('/api/me').auth(first.accessToken, { type: 'bearer' }).expect(200);
    const { secret } = (
      await sut.http.post('/api/me/2fa/setup').auth(first.accessToken, { type: 'bearer' }).expect(200)
    ).body;
    const recovery = (
      await sut.http
        .post('/api/me/2fa/enable')
        .auth(first.accessToken, { type: 'bearer' })
        .send({ code: totpCode(secret, Math.floor(Date.now() / 30_000)) })
        .expect(200)
    ).body.recoveryCodes as string[];
    // The next pair carries no restriction.
    const next = (
      await sut.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)
    ).body;
    await sut.http.get('/api/cohorts').auth(next.accessToken, { type: 'bearer' }).expect(200);
    const refused = await sut.http
      .post('/api/me/2fa/disable')
      .auth(next.accessToken, { type: 'bearer' })
      .send({ code: recovery[0] })
      .expect(403);
    expect(refused.body.code).toBe('two-factor-required');
    // Other roles are not concerned: the admin works as before.
    await sut.http
      .get('/api/cohorts')
      .auth(await sut.adminToken(), { type: 'bearer' })
      .expect(200);
  });
});
