import { randomUUID } from 'node:crypto';
import * as passwordHasher from '@/modules/identity/password-hasher';
import { createCohortWorld } from './support/cohort-world';
import { clearRateLimits, decodeJwtPayload } from './support/security';
import { ADMIN, TestApp, tokenOf } from './support/test-app';

describe('Identity (e2e)', () => {
  let sut: TestApp;
  let admin: string;

  beforeAll(async () => {
    sut = await TestApp.start();
    admin = await sut.adminToken();
  });
  afterAll(() => sut.close());

  const login = (email: string, password: string) =>
    sut.http.post('/api/auth/login').send({ email, password });

  describe('login', () => {
    it('answers tokens and the user for the right password', async () => {
      const res = await login(ADMIN.email, ADMIN.password).expect(200);
      expect(res.body.accessToken).toEqual(expect.any(String));
      expect(res.body.refreshToken).toEqual(expect.any(String));
      expect(res.body.user).toMatchObject({ email: ADMIN.email, role: 'admin', status: 'active' });
      expect(res.body.user.passwordHash).toBeUndefined();
    });

    it('gives the same 401 for a wrong password and for an unknown e-mail', async () => {
      const wrong = await login(ADMIN.email, 'not-the-password').expect(401);
      const unknown = await login(`nobody-${randomUUID()}@academy.test`, 'whatever-password').expect(401);
      expect(unknown.body).toEqual(wrong.body);
      expect(wrong.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Invalid e-mail or password',
        code: 'bad-credentials',
      });
    });

    it('accepts the e-mail in another case', async () => {
      await login(ADMIN.email.toUpperCase(), ADMIN.password).expect(200);
    });

    it('throttles repeated failures on one account with 429, also for the right password', async () => {
      const user = await sut.createUser('trainee');
      for (let i = 0; i < 5; i++) await login(user.email, 'wrong-password').expect(401);
      const blocked = await login(user.email, user.password).expect(429);
      expect(blocked.headers['retry-after']).toMatch(/^\d+$/);
      expect(blocked.body.message).toMatch(/too many/i);
    });
  });

  describe('refresh tokens', () => {
    it('rotates: the new pair works and the old refresh token is refused', async () => {
      const first = (await login(ADMIN.email, ADMIN.password).expect(200)).body;
      const second = (
        await sut.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)
      ).body;
      expect(second.refreshToken).not.toEqual(first.refreshToken);
      await sut.http.get('/api/me').auth(second.accessToken, { type: 'bearer' }).expect(200);
      await sut.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    });

    it('revokes the whole family when a used token comes back', async () => {
      const first = (await login(ADMIN.email, ADMIN.password).expect(200)).body;
      const second = (
        await sut.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200)
      ).body;
      await sut.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
      // The thief's replay also locked out the latest token of the family.
      await sut.http.post('/api/auth/refresh').send({ refreshToken: second.refreshToken }).expect(401);
    });

    it('refuses a malformed or unknown token with 401', async () => {
      await sut.http.post('/api/auth/refresh').send({ refreshToken: 'garbage' }).expect(401);
      await sut.http
        .post('/api/auth/refresh')
        .send({ refreshToken: `${randomUUID()}.${'a'.repeat(43)}` })
        .expect(401);
    });
  });

  describe('invitations', () => {
    const invite = (email: string) =>
      sut.http
        .post('/api/users')
        .auth(admin, { type: 'bearer' })
        .send({ email, fullName: 'Yassine Amrani', role: 'trainee', locale: 'ar' });

    it('creates an invited user whose link activates the account once', async () => {
      const email = `invitee-${randomUUID().slice(0, 8)}@academy.test`;
      const created = await invite(email).expect(201);
      expect(created.body).toMatchObject({ email, status: 'invited', locale: 'ar' });
      await login(email, 'a-chosen-password').expect(401);

      const link = await sut.invitationLink(email);
      expect(link.startsWith('http://academy.test/accept-invite?token=')).toBe(true);
      // The page opens in the invitee's language (Arabic here), whatever their browser's.
      expect(new URL(link).searchParams.get('lang')).toBe('ar');
      const accepted = await sut.http
        .post('/api/auth/accept-invite')
        .send({ token: tokenOf(link), password: 'a-chosen-password' })
        .expect(200);
      expect(accepted.body.user).toMatchObject({ email, status: 'active' });
      await login(email, 'a-chosen-password').expect(200);

      const again = await sut.http
        .post('/api/auth/accept-invite')
        .send({ token: tokenOf(link), password: 'another-password' })
        .expect(400);
      expect(again.body.message).toMatch(/invalid or has already been used/);
    });

    it("takes the invitee's own time zone, from their browser, over the one they were invited with", async () => {
      const email = `toronto-${randomUUID().slice(0, 8)}@academy.test`;
      const created = await sut.http
        .post('/api/users')
        .auth(admin, { type: 'bearer' })
        .send({ email, fullName: 'Karim Expert', role: 'trainee', timeZone: 'Africa/Casablanca' })
        .expect(201);
      expect(created.body.timeZone).toBe('Africa/Casablanca');
      const token = tokenOf(await sut.invitationLink(email));
      const refused = await sut.http
        .post('/api/auth/accept-invite')
        .send({ token, password: 'a-chosen-password', timeZone: 'Mars/Olympus_Mons' })
        .expect(400);
      expect(refused.body.code).toBe('validation-failed');
      const accepted = await sut.http
        .post('/api/auth/accept-invite')
        .send({ token, password: 'a-chosen-password', timeZone: 'America/Toronto' })
        .expect(200);
      expect(accepted.body.user).toMatchObject({ email, timeZone: 'America/Toronto' });
      const me = await sut.http
        .get('/api/me')
        .auth(accepted.body.accessToken, { type: 'bearer' })
        .expect(200);
      expect(me.body.timeZone).toBe('America/Toronto');
    });

    it('refuses an expired link with 410 and leaves the account invited', async () => {
      const email = `late-${randomUUID().slice(0, 8)}@academy.test`;
      const created = await invite(email).expect(201);
      await sut.dataSource.query(
        `UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE user_id = $1`,
        [created.body.id],
      );
      const res = await sut.http
        .post('/api/auth/accept-invite')
        .send({ token: tokenOf(await sut.invitationLink(email)), password: 'a-chosen-password' })
        .expect(410);
      expect(res.body.message).toMatch(/expired/);
      const users = await sut.http
        .get('/api/users')
        .query({ q: email })
        .auth(admin, { type: 'bearer' })
        .expect(200);
      expect(users.body.items[0].status).toBe('invited');
    });

    it('keeps a disabled invited account disabled: its link no longer works', async () => {
      const email = `disabled-${randomUUID().slice(0, 8)}@academy.test`;
      const created = await invite(email).expect(201);
      const link = await sut.invitationLink(email);
      await sut.http
        .patch(`/api/users/${created.body.id}`)
        .auth(admin, { type: 'bearer' })
        .send({ status: 'disabled' })
        .expect(200);
      await sut.http
        .post('/api/auth/accept-invite')
        .send({ token: tokenOf(link), password: 'a-chosen-password' })
        .expect(400);
      const users = await sut.http
        .get('/api/users')
        .query({ q: email })
        .auth(admin, { type: 'bearer' })
        .expect(200);
      expect(users.body.items[0].status).toBe('disabled');
      await login(email, 'a-chosen-password').expect(401);
    });

    it('activates only an account that is still invited, even with a link left over', async () => {
      const email = `leftover-${randomUUID().slice(0, 8)}@academy.test`;
      const created = await invite(email).expect(201);
      const link = await sut.invitationLink(email);
      // Disabled behind the service's back (as an older version did, leaving the link alive).
      await sut.dataSource.query(`UPDATE users SET status = 'disabled' WHERE id = $1`, [created.body.id]);
      await sut.http
        .post('/api/auth/accept-invite')
        .send({ token: tokenOf(link), password: 'a-chosen-password' })
        .expect(400);
      const [row] = await sut.dataSource.query('SELECT status FROM users WHERE id = $1', [created.body.id]);
      expect(row.status).toBe('disabled');
    });

    it('checks the link before hashing the password, and throttles wrong links per address', async () => {
      await clearRateLimits(sut);
      const hashing = jest.spyOn(passwordHasher, 'hashPassword');
      try {
        const wrong = `${randomUUID()}.${'a'.repeat(43)}`;
        for (let i = 0; i < 30; i++)
          await sut.http
            .post('/api/auth/accept-invite')
            .send({ token: wrong, password: 'a-chosen-password' })
            .expect(400);
        expect(hashing).not.toHaveBeenCalled();
        const held = await sut.http
          .post('/api/auth/accept-invite')
          .send({ token: wrong, password: 'a-chosen-password' })
          .expect(429);
        expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
      } finally {
        hashing.mockRestore();
        await clearRateLimits(sut);
      }
    });

    it('refuses a password shorter than 10 characters', async () => {
      const res = await sut.http
        .post('/api/auth/accept-invite')
        .send({ token: 'x', password: 'short' })
        .expect(400);
      expect(res.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/password/)]));
    });
  });

  describe('users', () => {
    it('refuses a duplicate e-mail in another case with 409', async () => {
      const email = `Case-${randomUUID().slice(0, 8)}@Academy.test`;
      await sut.http
        .post('/api/users')
        .auth(admin, { type: 'bearer' })
        .send({ email, fullName: 'A', role: 'expert', password: 'long-enough-pw' })
        .expect(201);
      const res = await sut.http
        .post('/api/users')
        .auth(admin, { type: 'bearer' })
        .send({ email: email.toLowerCase(), fullName: 'B', role: 'expert', password: 'long-enough-pw' })
        .expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
    });

    it('lets only admins create users', async () => {
      const coordinator = await sut.createUser('coordinator');
      await sut.http
        .post('/api/users')
        .auth(coordinator.token, { type: 'bearer' })
        .send({ email: 'x@academy.test', fullName: 'X', role: 'admin', password: 'long-enough-pw' })
        .expect(403);
      await sut.http
        .post('/api/users')
        .send({ email: 'x@academy.test', fullName: 'X', role: 'admin' })
        .expect(401);
    });

    it('shows a coordinator only the users of their centre', async () => {
      const centres = (await sut.http.get('/api/centres').auth(admin, { type: 'bearer' }).expect(200)).body
        .items;
      const [kenitra, sale] = await Promise.all(
        ['Kénitra', 'Salé'].map(
          async (city) =>
            (
              await sut.http
                .post('/api/centres')
                .auth(admin, { type: 'bearer' })
                .send({ name: `Centre ${city} ${randomUUID().slice(0, 6)}`, city })
                .expect(201)
            ).body,
        ),
      );
      expect(centres.length).toBeGreaterThanOrEqual(0);
      const coordinator = await sut.createUser('coordinator', { centreId: kenitra.id });
      const mine = await sut.createUser('trainee', { centreId: kenitra.id });
      const other = await sut.createUser('trainee', { centreId: sale.id });
      const res = await sut.http
        .get('/api/users')
        .query({ role: 'trainee' })
        .auth(coordinator.token, { type: 'bearer' })
        .expect(200);
      const ids = res.body.items.map((u: { id: string }) => u.id);
      expect(ids).toContain(mine.id);
      expect(ids).not.toContain(other.id);
    });

    it('lets an admin disable a user, which ends their sessions, their access tokens and sign-ins at once', async () => {
      const user = await sut.createUser('expert');
      const session = (await login(user.email, user.password).expect(200)).body;
      for (const token of [user.token, session.accessToken])
        await sut.http.get('/api/me').auth(token, { type: 'bearer' }).expect(200);
      const res = await sut.http
        .patch(`/api/users/${user.id}`)
        .auth(admin, { type: 'bearer' })
        .send({ status: 'disabled', fullName: 'Karim Idrissi' })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'disabled', fullName: 'Karim Idrissi' });
      await sut.http.post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
      await login(user.email, user.password).expect(401);
      for (const token of [user.token, session.accessToken])
        await sut.http.get('/api/me').auth(token, { type: 'bearer' }).expect(401);

      // Enabled again: a new sign-in works; the tokens from before stay refused.
      await sut.http
        .patch(`/api/users/${user.id}`)
        .auth(admin, { type: 'bearer' })
        .send({ status: 'active' })
        .expect(200);
      const again = (await login(user.email, user.password).expect(200)).body;
      await sut.http.get('/api/me').auth(again.accessToken, { type: 'bearer' }).expect(200);
      await sut.http.get('/api/me').auth(session.accessToken, { type: 'bearer' }).expect(401);
    });

    it('ends the access tokens of a person whose role, centre or network changes; a refresh brings the new claims at once', async () => {
      const user = await sut.createUser('trainee');
      const session = (await login(user.email, user.password).expect(200)).body;
      await sut.http.get('/api/me').auth(session.accessToken, { type: 'bearer' }).expect(200);
      await sut.http
        .patch(`/api/users/${user.id}`)
        .auth(admin, { type: 'bearer' })
        .send({ role: 'expert' })
        .expect(200);
      for (const token of [user.token, session.accessToken])
        await sut.http.get('/api/me').auth(token, { type: 'bearer' }).expect(401);
      const renewed = (
        await sut.http.post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(200)
      ).body;
      expect(decodeJwtPayload(renewed.accessToken)).toMatchObject({ sub: user.id, role: 'expert' });
      await sut.http.get('/api/me').auth(renewed.accessToken, { type: 'bearer' }).expect(200);
      // A change that leaves the claims as they were ends nothing.
      await sut.http
        .patch(`/api/users/${user.id}`)
        .auth(admin, { type: 'bearer' })
        .send({ fullName: 'Sara Alami', role: 'expert' })
        .expect(200);
      await sut.http.get('/api/me').auth(renewed.accessToken, { type: 'bearer' }).expect(200);
    });

    it('refuses an unknown centre with 400', async () => {
      await sut.http
        .post('/api/users')
        .auth(admin, { type: 'bearer' })
        .send({
          email: `${randomUUID()}@academy.test`,
          fullName: 'X',
          role: 'trainee',
          centreId: randomUUID(),
          password: 'long-enough-pw',
        })
        .expect(400);
    });
  });

  describe('me', () => {
    it('updates language and time zone, and refuses a bad time zone with 400', async () => {
      const user = await sut.createUser('expert');
      const res = await sut.http
        .patch('/api/me')
        .auth(user.token, { type: 'bearer' })
        .send({ locale: 'fr', timeZone: 'America/Toronto' })
        .expect(200);
      expect(res.body).toMatchObject({ locale: 'fr', timeZone: 'America/Toronto' });
      const bad = await sut.http
        .patch('/api/me')
        .auth(user.token, { type: 'bearer' })
        .send({ timeZone: 'Mars/Olympus_Mons' })
        .expect(400);
      expect(bad.body.message).toEqual([expect.stringMatching(/timeZone must be an IANA time zone/)]);
      await sut.http.patch('/api/me').auth(user.token, { type: 'bearer' }).send({ locale: 'de' }).expect(400);
    });

    it('keeps a person’s data-saver choice, null following the connection again, and refuses a non-boolean', async () => {
      const user = await sut.createUser('trainee');
      const me = (body: object) => sut.http.patch('/api/me').auth(user.token, { type: 'bearer' }).send(body);
      const read = async () =>
        (await sut.http.get('/api/me').auth(user.token, { type: 'bearer' }).expect(200)).body.dataSaver;
      expect(await read()).toBeNull();
      expect((await me({ dataSaver: true }).expect(200)).body.dataSaver).toBe(true);
      // Another change of the profile leaves the choice as it was.
      await me({ locale: 'ar' }).expect(200);
      expect(await read()).toBe(true);
      expect((await me({ dataSaver: false }).expect(200)).body.dataSaver).toBe(false);
      expect((await me({ dataSaver: null }).expect(200)).body.dataSaver).toBeNull();
      expect(await read()).toBeNull();
      for (const bad of ['yes', 1, 'true']) {
        const refused = await me({ dataSaver: bad }).expect(400);
        expect(refused.body.message).toEqual(['dataSaver must be a boolean value']);
      }
      expect(await read()).toBeNull();
    });

    it('lets only staff change a person’s legal name once they are enrolled, and audits every change', async () => {
      const world = await createCohortWorld(sut, 1);
      const [trainee] = world.trainees;
      const me = (body: object) =>
        sut.http.patch('/api/me').auth(trainee.token, { type: 'bearer' }).send(body);
      const refused = await me({ fullName: 'Quelqu’un d’autre' }).expect(403);
      expect(refused.body.message).toMatch(/legal name on certificates/);
      // The rest of the profile stays theirs, the name sent unchanged included.
      const profile = (await sut.http.get('/api/me').auth(trainee.token, { type: 'bearer' }).expect(200))
        .body;
      // The web shows the name read-only from this.
      expect(profile.legalNameLocked).toBe(true);
      const current = profile.fullName;
      await me({ fullName: current, locale: 'ar' }).expect(200);
      await sut.http
        .patch(`/api/users/${trainee.id}`)
        .auth(admin, { type: 'bearer' })
        .send({ fullName: 'Salma Bennani' })
        .expect(200);
      const audit = (
        await sut.http
          .get('/api/audit')
          .query({ entity: 'user', entityId: trainee.id })
          .auth(admin, { type: 'bearer' })
          .expect(200)
      ).body.items.filter((e: { action: string }) => e.action === 'user.legal-name-changed');
      // (The trail also holds the account's other events: created, signed in...)
      expect(audit).toEqual([
        expect.objectContaining({
          action: 'user.legal-name-changed',
          data: { from: current, to: 'Salma Bennani' },
        }),
      ]);
      // Before any enrollment, people still correct their own name (audited too).
      const fresh = await sut.createUser('trainee');
      await sut.http
        .patch('/api/me')
        .auth(fresh.token, { type: 'bearer' })
        .send({ fullName: 'Nadia Tazi' })
        .expect(200);
      const own = (
        await sut.http
          .get('/api/audit')
          .query({ entity: 'user', entityId: fresh.id })
          .auth(admin, { type: 'bearer' })
          .expect(200)
      ).body.items.filter((e: { action: string }) => e.action === 'user.legal-name-changed');
      expect(own).toEqual([
        expect.objectContaining({
          action: 'user.legal-name-changed',
          actorId: fresh.id,
          data: { from: 'Test trainee', to: 'Nadia Tazi' },
        }),
      ]);
    });

    it('refuses unknown fields with 400 naming them', async () => {
      const res = await sut.http
        .patch('/api/me')
        .auth(admin, { type: 'bearer' })
        .send({ role: 'admin' })
        .expect(400);
      expect(res.body.message).toEqual(['property role should not exist']);
    });

    it('refuses a tampered token with 401', async () => {
      await sut.http.get('/api/me').auth(`${admin}x`, { type: 'bearer' }).expect(401);
    });
  });
});
