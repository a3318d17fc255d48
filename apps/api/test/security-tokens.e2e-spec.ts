import { randomBytes } from 'node:crypto';
import { decodeJwtPayload, forgeJwt, MISSING_TOKEN } from './support/security';
import { TestApp, TestUser } from './support/test-app';

/** Access tokens the API must refuse (401) however they were made, and refresh tokens used twice. */
describe('Security: forged, expired and replayed tokens (e2e)', () => {
  let sut: TestApp;
  let trainee: TestUser;
  let claims: Record<string, unknown>;
  const secret = () => process.env.JWT_SECRET as string;
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    sut = await TestApp.start();
    trainee = await sut.createUser('trainee');
    claims = decodeJwtPayload(trainee.token);
  });
  afterAll(() => sut.close());

  /** An admin-only route: a forged admin token must not get in, a refused token gets the guard's 401. */
  const callAdminRoute = (token: string) => sut.http.get('/api/users').auth(token, { type: 'bearer' });
  const expectRefused = async (token: string) => {
    const res = await callAdminRoute(token).expect(401);
    expect(res.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: MISSING_TOKEN,
      code: 'access-token-required',
    });
    await sut.http.get('/api/me').auth(token, { type: 'bearer' }).expect(401);
  };

  it('accepts the genuine token and a genuine re-signing of its claims (the forgeries below differ in one thing only)', async () => {
    await sut.http.get('/api/me').auth(trainee.token, { type: 'bearer' }).expect(200);
    await sut.http
      .get('/api/me')
      .auth(forgeJwt({ alg: 'HS256', typ: 'JWT' }, claims, secret()), { type: 'bearer' })
      .expect(200);
    await callAdminRoute(trainee.token).expect(403);
  });

  it('refuses an expired token', async () => {
    await expectRefused(
      forgeJwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now() - 3600, exp: now() - 60 }, secret()),
    );
  });

  it('refuses a token from its expiry on, though it was accepted (and remembered as verified) before', async () => {
    const shortLived = forgeJwt(
      { alg: 'HS256', typ: 'JWT' },
      { ...claims, iat: now(), exp: now() + 2 },
      secret(),
    );
    await sut.http.get('/api/me').auth(shortLived, { type: 'bearer' }).expect(200);
    await sut.http.get('/api/me').auth(shortLived, { type: 'bearer' }).expect(200);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await expectRefused(shortLived);
  });

  it('refuses a token whose payload was changed (role: admin) with the original signature', async () => {
    const [header, , signature] = trainee.token.split('.');
    const payload = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    await expectRefused(`${header}.${payload}.${signature}`);
  });

  it('refuses alg "none", with and without a signature part', async () => {
    const admin = { ...claims, role: 'admin' };
    await expectRefused(forgeJwt({ alg: 'none', typ: 'JWT' }, admin, null));
    await expectRefused(forgeJwt({ alg: 'none', typ: 'JWT' }, admin, null).replace(/\.$/, ''));
    await expectRefused(forgeJwt({ alg: 'None', typ: 'JWT' }, admin, null));
  });

  it('refuses a token signed with another secret', async () => {
    await expectRefused(
      forgeJwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, role: 'admin' }, randomBytes(32).toString('hex')),
    );
  });

  it('refuses an HMAC-signed token whose header names another algorithm', async () => {
    for (const alg of ['RS256', 'HS512', 'ES256'])
      await expectRefused(forgeJwt({ alg, typ: 'JWT' }, claims, secret()));
  });

  it('refuses garbage, a missing scheme and a token in the wrong header form', async () => {
    await expectRefused('not-a-jwt');
    await expectRefused(`${trainee.token}x`);
    await sut.http.get('/api/me').set('Authorization', trainee.token).expect(401);
    await sut.http.get('/api/me').set('Authorization', `Basic ${trainee.token}`).expect(401);
  });

  it('refuses a refresh token used twice, and then the whole family', async () => {
    const first = (
      await sut.http
        .post('/api/auth/login')
        .send({ email: trainee.email, password: trainee.password })
        .expect(200)
    ).body;
    const second = (
      await sut.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)
    ).body;
    const replay = await sut.http
      .post('/api/auth/refresh')
      .send({ refreshToken: first.refreshToken })
      .expect(401);
    expect(replay.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    await sut.http.post('/api/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
    // An access token is no refresh token, and a refresh token is no access token.
    const swapped = await sut.http.post('/api/auth/refresh').send({ refreshToken: second.accessToken });
    expect([400, 401]).toContain(swapped.status);
    await sut.http.get('/api/me').auth(second.refreshToken, { type: 'bearer' }).expect(401);
  });

  it('leaves no family alive when a refresh token is replayed at the same moment as it is used', async () => {
    for (let round = 0; round < 3; round++) {
      const first = (
        await sut.http
          .post('/api/auth/login')
          .send({ email: trainee.email, password: trainee.password })
          .expect(200)
      ).body;
      const answers = await Promise.all(
        Array.from({ length: 8 }, () =>
          sut.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }),
        ),
      );
      const rotated = answers.filter((res) => res.status === 200);
      expect(rotated).toHaveLength(1);
      expect(answers.filter((res) => res.status === 401)).toHaveLength(7);
      // The replays revoked the family, the token the rotation made included.
      await sut.http
        .post('/api/auth/refresh')
        .send({ refreshToken: rotated[0].body.refreshToken })
        .expect(401);
    }
  });
});
