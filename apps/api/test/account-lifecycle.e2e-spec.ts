import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { totpCode } from '@/modules/identity/totp';
import { WorkerModule } from '@/worker.module';
import { freePort, PlatformProcess, waitFor } from './support/processes';
import { clearRateLimits } from './support/security';
import { mimeParts, SmtpInbox, subjectOf } from './support/smtp-inbox';
import { ApiDriver, RemoteApi, TestApp, TestUser, tokenOf } from './support/test-app';

/** The code of the 30-second step `offset` steps from now, as an authenticator app would show it. */
const codeAt = (secret: string, offset = 0) => totpCode(secret, Math.floor(Date.now() / 30_000) + offset);

/** Waits until the current 30-second step has at least 5 s left, so that a code stays in its step. */
async function awayFromStepEdge(): Promise<void> {
  const left = 30_000 - (Date.now() % 30_000);
  if (left < 5_000) await new Promise((r) => setTimeout(r, left + 200));
}

/**
 * The account lifecycle of issue 14 on the real stack: this process's API, the worker delivering
 * e-mails to a real SMTP server, and a second API process (the built one) on the same PostgreSQL and
 * Redis, where every revocation must take effect too.
 */
describe('Account lifecycle (e2e)', () => {
  const inbox = new SmtpInbox();
  let sut: TestApp;
  let worker: INestApplicationContext;
  let second: PlatformProcess;
  let api2: RemoteApi;
  let admin: string;

  beforeAll(async () => {
    process.env.SMTP_URL = await inbox.start();
    sut = await TestApp.start();
    process.env.MRE_PROCESS = 'worker';
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    delete process.env.MRE_PROCESS;
    const port = await freePort();
    second = new PlatformProcess('main', { PORT: String(port), DEMO_DATA: 'off' });
    api2 = new RemoteApi(`http://127.0.0.1:${port}`);
    await waitFor(
      'the second API process',
      async () => (await api2.http.get('/api/health')).status === 200,
      60_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${second.output.join('')}`);
    });
    admin = await sut.adminToken();
  });

  afterAll(async () => {
    await second?.stop();
    await worker?.close();
    await sut?.close();
    await inbox.stop();
    delete process.env.SMTP_URL;
  });

  beforeEach(() => clearRateLimits(sut));

  const login = (email: string, password: string) =>
    sut.http.post('/api/auth/login').send({ email, password });
  const me = (api: ApiDriver, token: string) => api.http.get('/api/me').auth(token, { type: 'bearer' });
  /** Refused at once on both API processes (the second learns it through Redis within moments). */
  async function refusedEverywhere(token: string): Promise<void> {
    await me(sut, token).expect(401);
    await waitFor(
      'the second API process to refuse the token',
      async () => (await me(api2, token)).status === 401,
      2_000,
    );
  }
  async function session(user: { email: string; password: string }) {
    const body = (await login(user.email, user.password).expect(200)).body;
    return { accessToken: body.accessToken as string, refreshToken: body.refreshToken as string };
  }
  const refresh = (refreshToken: string) => sut.http.post('/api/auth/refresh').send({ refreshToken });
  const trail = async (personId: string) =>
    (
      await sut.http
        .get('/api/audit')
        .query({ personId, pageSize: 100 })
        .auth(admin, { type: 'bearer' })
        .expect(200)
    ).body.items as { action: string; actorId: string | null; data: Record<string, unknown> }[];

  describe('POST /auth/logout', () => {
    it('ends that device’s refresh family and the access token used, on both processes; other devices stay', async () => {
      const user = await sut.createUser('trainee');
      const phone = await session(user);
      const laptop = await session(user);
      await me(api2, phone.accessToken).expect(200);
      // A rotated token of the same family ends with it.
      const rotated = (await refresh(phone.refreshToken).expect(200)).body;
      await sut.http
        .post('/api/auth/logout')
        .auth(rotated.accessToken, { type: 'bearer' })
        .send({ refreshToken: rotated.refreshToken })
        .expect(204);
      await refusedEverywhere(rotated.accessToken);
      await refusedEverywhere(phone.accessToken);
      await refresh(rotated.refreshToken).expect(401);
      await me(sut, laptop.accessToken).expect(200);
      await me(api2, laptop.accessToken).expect(200);
      await refresh(laptop.refreshToken).expect(200);
      expect((await trail(user.id)).map((e) => e.action)).toContain('sign-out');
    });

    it('needs a signed-in caller', async () => {
      await sut.http.post('/api/auth/logout').send({ refreshToken: 'x' }).expect(401);
    });
  });

  describe('password reset', () => {
    const resetMail = async (email: string, after = 0) => {
      const [mail] = (
        await inbox.waitFor(
          // Read in the decoded parts: quoted-printable may cut the raw text anywhere in the link.
          (m) =>
            m.to.includes(email) &&
            mimeParts(m.raw).some((part) => part.body.includes('/reset-password?token=')),
          after + 1,
        )
      ).slice(after);
      const text = mimeParts(mail.raw).find((p) => p.contentType.startsWith('text/plain'))?.body ?? '';
      const link = /(http:\/\/academy\.test\/reset-password\?token=\S+)/.exec(text)?.[1];
      if (!link) throw new Error(`no link in ${text}`);
      return {
        subject: subjectOf(mail.raw),
        text,
        token: decodeURIComponent(tokenOf(link)),
        lang: new URL(link).searchParams.get('lang'),
      };
    };

    it('e-mails a one-time link in the person’s language; it signs them in once and ends every older session', async () => {
      const user = await sut.createUser('trainee', { locale: 'fr' });
      const old = await session(user);
      const res = await sut.http
        .post('/api/auth/forgot-password')
        .send({ email: user.email.toUpperCase() })
        .expect(202);
      const mail = await resetMail(user.email);
      expect(mail.subject).toBe('Réinitialisation de votre mot de passe MRE Academy');
      // The reset page opens in French too, whatever the browser's language.
      expect(mail.lang).toBe('fr');
      expect(mail.text).toContain('Bonjour Test trainee');

      // Common or short passwords are refused without using the link.
      const common = await sut.http
        .post('/api/auth/reset-password')
        .send({ token: mail.token, password: 'qwertyuiop' });
      expect(common.status).toBe(400);
      expect(common.body.code).toBe('password-too-common');
      await sut.http
        .post('/api/auth/reset-password')
        .send({ token: mail.token, password: 'short' })
        .expect(400);

      const reset = await sut.http
        .post('/api/auth/reset-password')
        .send({ token: mail.token, password: 'a-brand-new-passphrase' })
        .expect(200);
      expect(reset.body.user).toMatchObject({ id: user.id, status: 'active' });
      await me(sut, reset.body.accessToken).expect(200);
      await me(api2, reset.body.accessToken).expect(200);

      const again = await sut.http
        .post('/api/auth/reset-password')
        .send({ token: mail.token, password: 'another-new-passphrase' })
        .expect(400);
      expect(again.body.code).toBe('password-reset-invalid');
      await refusedEverywhere(old.accessToken);
      await refresh(old.refreshToken).expect(401);
      await login(user.email, user.password).expect(401);
      await login(user.email, 'a-brand-new-passphrase').expect(200);
      expect(res.body).toEqual({});
      const actions = (await trail(user.id)).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['password.reset-requested', 'password.reset']));
    });

    it('answers an unknown e-mail exactly as a known one, and sends nothing', async () => {
      const known = await sut.createUser('trainee');
      const unknown = `nobody-${randomUUID().slice(0, 8)}@academy.test`;
      const a = await sut.http.post('/api/auth/forgot-password').send({ email: known.email });
      const b = await sut.http.post('/api/auth/forgot-password').send({ email: unknown });
      expect([a.status, b.status]).toEqual([202, 202]);
      expect(b.body).toEqual(a.body);
      expect(b.text).toEqual(a.text);
      await resetMail(known.email);
      await new Promise((r) => setTimeout(r, 1_000));
      expect(inbox.to(unknown)).toEqual([]);
    });

    it('only the newest link works, and an expired one gives 410', async () => {
      const user = await sut.createUser('expert', { locale: 'ar' });
      await sut.http.post('/api/auth/forgot-password').send({ email: user.email }).expect(202);
      const first = await resetMail(user.email);
      expect(first.subject).toBe('إعادة تعيين كلمة المرور على MRE Academy');
      expect(first.lang).toBe('ar'); // the page opens in Arabic, also on a French browser
      await sut.http.post('/api/auth/forgot-password').send({ email: user.email }).expect(202);
      const second = await resetMail(user.email, 1);
      const stale = await sut.http
        .post('/api/auth/reset-password')
        .send({ token: first.token, password: 'a-brand-new-passphrase' });
      expect(stale.status).toBe(400);
      await sut.dataSource.query(
        `UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [user.id],
      );
      const expired = await sut.http
        .post('/api/auth/reset-password')
        .send({ token: second.token, password: 'a-brand-new-passphrase' })
        .expect(410);
      expect(expired.body.code).toBe('password-reset-expired');
    });

    it('throttles requests per e-mail and per address with 429', async () => {
      const user = await sut.createUser('trainee');
      for (let i = 0; i < 3; i++)
        await sut.http.post('/api/auth/forgot-password').send({ email: user.email }).expect(202);
      const blocked = await sut.http
        .post('/api/auth/forgot-password')
        .send({ email: user.email })
        .expect(429);
      expect(blocked.body.code).toBe('too-many-password-resets');
      expect(blocked.headers['retry-after']).toMatch(/^\d+$/);
      await clearRateLimits(sut);
      for (let i = 0; i < 20; i++) {
        await sut.http
          .post('/api/auth/forgot-password')
          .send({ email: `x${i}-${randomUUID()}@academy.test` })
          .expect(202);
      }
      await sut.http
        .post('/api/auth/forgot-password')
        .send({ email: `y-${randomUUID()}@academy.test` })
        .expect(429);
    });
  });

  describe('POST /me/password', () => {
    it('changes the password after checking the current one, and signs out every other device everywhere', async () => {
      const user = await sut.createUser('trainee');
      const here = await session(user);
      const other = await session(user);
      const wrong = await sut.http
        .post('/api/me/password')
        .auth(here.accessToken, { type: 'bearer' })
        .send({ currentPassword: 'not-my-password', newPassword: 'a-brand-new-passphrase' })
        .expect(400);
      expect(wrong.body.code).toBe('wrong-password');
      const common = await sut.http
        .post('/api/me/password')
        .auth(here.accessToken, { type: 'bearer' })
        .send({ currentPassword: user.password, newPassword: 'password123' })
        .expect(400);
      expect(common.body.code).toBe('password-too-common');
      await sut.http
        .post('/api/me/password')
        .auth(here.accessToken, { type: 'bearer' })
        .send({ currentPassword: user.password, newPassword: 'a-brand-new-passphrase' })
        .expect(204);
      await refusedEverywhere(other.accessToken);
      await refresh(other.refreshToken).expect(401);
      await me(sut, here.accessToken).expect(200);
      await me(api2, here.accessToken).expect(200);
      await login(user.email, user.password).expect(401);
      await login(user.email, 'a-brand-new-passphrase').expect(200);
      expect((await trail(user.id)).find((e) => e.action === 'password.changed')?.data).toEqual({
        ip: expect.any(String),
      });
    });

    it('throttles wrong current passwords like sign-in', async () => {
      const user = await sut.createUser('trainee');
      for (let i = 0; i < 5; i++) {
        await sut.http
          .post('/api/me/password')
          .auth(user.token, { type: 'bearer' })
          .send({ currentPassword: 'not-my-password', newPassword: 'a-brand-new-passphrase' })
          .expect(400);
      }
      await sut.http
        .post('/api/me/password')
        .auth(user.token, { type: 'bearer' })
        .send({ currentPassword: user.password, newPassword: 'a-brand-new-passphrase' })
        .expect(429);
    });

    it('signs out the other devices on request (POST /me/sessions/revoke-others)', async () => {
      const user = await sut.createUser('trainee');
      const here = await session(user);
      const other = await session(user);
      await sut.http
        .post('/api/me/sessions/revoke-others')
        .auth(here.accessToken, { type: 'bearer' })
        .expect(204);
      await refusedEverywhere(other.accessToken);
      await refresh(other.refreshToken).expect(401);
      await me(api2, here.accessToken).expect(200);
      await refresh(here.refreshToken).expect(200);
    });
  });

  describe('PATCH /users/:id on every process', () => {
    it('a role change or disabling refuses the older tokens on the second process too, and is audited with before and after', async () => {
      const user = await sut.createUser('trainee');
      await me(api2, user.token).expect(200);
      await sut.http
        .patch(`/api/users/${user.id}`)
        .auth(admin, { type: 'bearer' })
        .send({ role: 'expert' })
        .expect(200);
      await refusedEverywhere(user.token);
      const fresh = await session(user);
      expect((await me(api2, fresh.accessToken).expect(200)).body.role).toBe('expert');
      await sut.http
        .patch(`/api/users/${user.id}`)
        .auth(admin, { type: 'bearer' })
        .send({ status: 'disabled' })
        .expect(200);
      await refusedEverywhere(fresh.accessToken);
      await refresh(fresh.refreshToken).expect(401);
      const entries = await trail(user.id);
      expect(
        entries.find((e) => e.action === 'user.changed' && 'role' in (e.data.changes as object))?.data,
      ).toMatchObject({
        changes: { role: { from: 'trainee', to: 'expert' } },
        ip: expect.any(String),
      });
      expect(entries.map((e) => e.action)).toEqual(
        expect.arrayContaining(['user.created', 'user.disabled', 'sign-in.succeeded']),
      );
      await sut.http
        .patch(`/api/users/${user.id}`)
        .auth(admin, { type: 'bearer' })
        .send({ status: 'active' })
        .expect(200);
      expect((await trail(user.id)).map((e) => e.action)).toContain('user.enabled');
    });
  });

  describe('POST /users/:id/invitation', () => {
    it('sends a new link and voids the old one; 409 once the account is active', async () => {
      const email = `invitee-${randomUUID().slice(0, 8)}@academy.test`;
      const invited = (
        await sut.http
          .post('/api/users')
          .auth(admin, { type: 'bearer' })
          .send({ email, fullName: 'Yasmine Idrissi', role: 'trainee', locale: 'en' })
          .expect(201)
      ).body;
      await inbox.waitFor((m) => m.to.includes(email));
      const oldToken = decodeURIComponent(tokenOf(await sut.invitationLink(email)));
      await sut.http.post(`/api/users/${invited.id}/invitation`).auth(admin, { type: 'bearer' }).expect(202);
      const [, mail] = await inbox.waitFor((m) => m.to.includes(email), 2);
      const text = mimeParts(mail.raw).find((p) => p.contentType.startsWith('text/plain'))?.body ?? '';
      const newToken = decodeURIComponent(
        tokenOf(/(http:\/\/academy\.test\/accept-invite\?token=\S+)/.exec(text)?.[1] as string),
      );
      expect(newToken).not.toBe(oldToken);
      const stale = await sut.http
        .post('/api/auth/accept-invite')
        .send({ token: oldToken, password: 'a-brand-new-passphrase' });
      expect(stale.status).toBe(400);
      await sut.http
        .post('/api/auth/accept-invite')
        .send({ token: newToken, password: 'a-brand-new-passphrase' })
        .expect(200);
      const active = await sut.http
        .post(`/api/users/${invited.id}/invitation`)
        .auth(admin, { type: 'bearer' })
        .expect(409);
      expect(active.body.code).toBe('user-not-invited');
      expect((await trail(invited.id)).map((e) => e.action)).toContain('user.invitation-resent');
    });

    it('lets a coordinator invite again their own centre’s trainees only', async () => {
      const post = async (path: string, body: object) =>
        (await sut.http.post(path).auth(admin, { type: 'bearer' }).send(body).expect(201)).body;
      const centre = await post('/api/centres', { name: `Centre ${randomUUID().slice(0, 6)}`, city: 'Fès' });
      const elsewhere = await post('/api/centres', {
        name: `Centre ${randomUUID().slice(0, 6)}`,
        city: 'Oujda',
      });
      const coordinator = await sut.createUser('coordinator', { centreId: centre.id });
      const invite = (centreId: string, role = 'trainee') =>
        post('/api/users', {
          email: `p-${randomUUID().slice(0, 8)}@academy.test`,
          fullName: 'Omar Chraibi',
          role,
          centreId,
        });
      const mine = await invite(centre.id);
      const theirs = await invite(elsewhere.id);
      const staff = await invite(centre.id, 'expert');
      const resend = (id: string) =>
        sut.http.post(`/api/users/${id}/invitation`).auth(coordinator.token, { type: 'bearer' });
      await resend(mine.id).expect(202);
      await resend(theirs.id).expect(404);
      await resend(staff.id).expect(403);
      const trainee = await sut.createUser('trainee', { centreId: centre.id });
      await sut.http
        .post(`/api/users/${mine.id}/invitation`)
        .auth(trainee.token, { type: 'bearer' })
        .expect(403);
    });
  });

  describe('GET /users', () => {
    it('filters by role, status, centre, network and text; a coordinator sees their centre only', async () => {
      const tag = randomUUID().slice(0, 8);
      const post = async (path: string, body: object) =>
        (await sut.http.post(path).auth(admin, { type: 'bearer' }).send(body).expect(201)).body;
      const centre = await post('/api/centres', { name: `Centre ${tag}`, city: 'Agadir' });
      const network = await post('/api/networks', {
        name: `Network ${tag}`,
        country: 'France',
        sectorCodes: ['health'],
      });
      const active = await sut.createUser('trainee', { centreId: centre.id, fullName: `Ilyas ${tag}` });
      const invited = await post('/api/users', {
        email: `inv-${tag}@academy.test`,
        fullName: `Hind ${tag}`,
        role: 'trainee',
        centreId: centre.id,
      });
      const expert = await sut.createUser('expert', { networkId: network.id, fullName: `Karim ${tag}` });
      const list = async (token: string, query: Record<string, string>) =>
        (
          (await sut.http.get('/api/users').query(query).auth(token, { type: 'bearer' }).expect(200)).body
            .items as TestUser[]
        ).map((u) => u.id);
      expect(await list(admin, { q: tag })).toEqual([invited.id, active.id, expert.id]);
      expect(await list(admin, { q: tag, status: 'invited' })).toEqual([invited.id]);
      expect(await list(admin, { centreId: centre.id, role: 'trainee', status: 'active' })).toEqual([
        active.id,
      ]);
      expect(await list(admin, { networkId: network.id })).toEqual([expert.id]);
      expect(await list(admin, { q: `inv-${tag}@` })).toEqual([invited.id]);
      const coordinator = await sut.createUser('coordinator', {
        centreId: centre.id,
        fullName: `Zineb ${tag}`,
      });
      expect(await list(coordinator.token, { q: tag })).toEqual([invited.id, active.id, coordinator.id]);
      expect(await list(coordinator.token, { networkId: network.id })).toEqual([]);
      await sut.http.get('/api/users').query({ status: 'gone' }).auth(admin, { type: 'bearer' }).expect(400);
      await sut.http.get('/api/users').auth(active.token, { type: 'bearer' }).expect(403);
      // The list says when each person last signed in.
      const found = (
        await sut.http
          .get('/api/users')
          .query({ q: `Ilyas ${tag}` })
          .auth(admin, { type: 'bearer' })
      ).body.items[0];
      expect(found.lastSignInAt).toEqual(expect.any(String));
    });
  });

  describe('two-factor sign-in', () => {
    async function enableTwoFactor(user: TestUser) {
      const setup = (
        await sut.http.post('/api/me/2fa/setup').auth(user.token, { type: 'bearer' }).expect(200)
      ).body as { otpauthUrl: string; secret: string };
      expect(setup.otpauthUrl).toMatch(/^otpauth:\/\/totp\/MRE%20Academy:.*secret=[A-Z2-7]+/);
      await awayFromStepEdge();
      const wrong = await sut.http
        .post('/api/me/2fa/enable')
        .auth(user.token, { type: 'bearer' })
        .send({ code: codeAt(setup.secret, -2) })
        .expect(400);
      expect(wrong.body.code).toBe('two-factor-code-invalid');
      // The previous 30-s step's code is still accepted (typed as the step turned).
      const enabled = await sut.http
        .post('/api/me/2fa/enable')
        .auth(user.token, { type: 'bearer' })
        .send({ code: codeAt(setup.secret, -1) })
        .expect(200);
      expect(enabled.body.recoveryCodes).toHaveLength(10);
      return { secret: setup.secret, recoveryCodes: enabled.body.recoveryCodes as string[] };
    }
    const challenge = async (user: TestUser) => {
      const res = await login(user.email, user.password).expect(200);
      expect(res.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
      expect(res.body.accessToken).toBeUndefined();
      return res.body.mfaToken as string;
    };
    const second = (mfaToken: string, code: string) =>
      sut.http.post('/api/auth/login/2fa').send({ mfaToken, code });

    it('TOTP: a code computed from the secret signs in once; two steps back is refused', async () => {
      const user = await sut.createUser('expert');
      const { secret } = await enableTwoFactor(user);
      expect((await me(sut, user.token).expect(200)).body.twoFactorEnabled).toBe(true);
      await awayFromStepEdge();
      const tooOld = await second(await challenge(user), codeAt(secret, -2)).expect(400);
      expect(tooOld.body.code).toBe('two-factor-code-invalid');
      const ok = await second(await challenge(user), codeAt(secret)).expect(200);
      await me(api2, ok.body.accessToken).expect(200);
      // The same code again (replayed) is refused.
      await second(await challenge(user), codeAt(secret)).expect(400);
      await second('not-a-challenge', codeAt(secret)).expect(401);
      // An access token is no challenge, and a challenge is no access token.
      await second(ok.body.accessToken, codeAt(secret, 1)).expect(401);
      await me(sut, await challenge(user)).expect(401);
    });

    it('recovery codes work once each, and their use is audited', async () => {
      const user = await sut.createUser('coordinator');
      const { recoveryCodes } = await enableTwoFactor(user);
      await second(await challenge(user), recoveryCodes[0].toUpperCase()).expect(200);
      const reused = await second(await challenge(user), recoveryCodes[0]).expect(400);
      expect(reused.body.code).toBe('two-factor-code-invalid');
      await second(await challenge(user), recoveryCodes[1]).expect(200);
      const used = (await trail(user.id)).filter((e) => e.action === 'two-factor.recovery-code-used');
      expect(used.map((e) => e.data.recoveryCodesLeft)).toEqual([8, 9]);
      expect((await trail(user.id)).map((e) => e.action)).toEqual(
        expect.arrayContaining(['two-factor.enabled', 'sign-in.failed']),
      );
    });

    it('throttles wrong codes with 429, even before the right one', async () => {
      const user = await sut.createUser('expert');
      const { secret } = await enableTwoFactor(user);
      const mfaToken = await challenge(user);
      for (let i = 0; i < 5; i++) await second(mfaToken, '000000').expect(400);
      const blocked = await second(mfaToken, codeAt(secret)).expect(429);
      expect(blocked.body.code).toBe('too-many-two-factor-attempts');
    });

    it('disables with a current code; sign-in then answers tokens directly', async () => {
      const user = await sut.createUser('trainee');
      const { secret } = await enableTwoFactor(user);
      await sut.http
        .post('/api/me/2fa/disable')
        .auth(user.token, { type: 'bearer' })
        .send({ code: '123456' })
        .expect(400);
      await awayFromStepEdge();
      await sut.http
        .post('/api/me/2fa/disable')
        .auth(user.token, { type: 'bearer' })
        .send({ code: codeAt(secret) })
        .expect(204);
      const res = await login(user.email, user.password).expect(200);
      expect(res.body.accessToken).toEqual(expect.any(String));
      expect((await trail(user.id)).map((e) => e.action)).toContain('two-factor.disabled');
    });

    it('a password reset of a person with 2FA still asks for the code', async () => {
      const user = await sut.createUser('expert');
      const { secret } = await enableTwoFactor(user);
      await sut.http.post('/api/auth/forgot-password').send({ email: user.email }).expect(202);
      const [mail] = await inbox.waitFor((m) => m.to.includes(user.email) && /reset-password/.test(m.raw));
      const text = mimeParts(mail.raw).find((p) => p.contentType.startsWith('text/plain'))?.body ?? '';
      const token = decodeURIComponent(
        tokenOf(/(http:\/\/academy\.test\/reset-password\?token=\S+)/.exec(text)?.[1] as string),
      );
      const res = await sut.http
        .post('/api/auth/reset-password')
        .send({ token, password: 'a-brand-new-passphrase' })
        .expect(200);
      expect(res.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
      await awayFromStepEdge();
      await second(res.body.mfaToken, codeAt(secret)).expect(200);
    });
  });

  describe('GET /audit by person', () => {
    it('lists what a person did and what was done to their account, with the address', async () => {
      const user = await sut.createUser('trainee');
      await login(user.email, 'wrong-password-here').expect(401);
      const items = await trail(user.id);
      const failed = items.find((e) => e.action === 'sign-in.failed');
      expect(failed).toMatchObject({ actorId: null, data: { ip: expect.any(String) } });
      expect(items.find((e) => e.action === 'user.created')?.actorId).toEqual(expect.any(String));
      const byThem = (
        await sut.http
          .get('/api/audit')
          .query({ actorId: user.id })
          .auth(admin, { type: 'bearer' })
          .expect(200)
      ).body.items as { actorId: string }[];
      expect(byThem.length).toBeGreaterThan(0);
      expect(byThem.every((e) => e.actorId === user.id)).toBe(true);
      await sut.http
        .get('/api/audit')
        .query({ personId: 'nope' })
        .auth(admin, { type: 'bearer' })
        .expect(400);
      await sut.http
        .get('/api/audit')
        .query({ personId: user.id })
        .auth(user.token, { type: 'bearer' })
        .expect(403);
    });
  });
});
