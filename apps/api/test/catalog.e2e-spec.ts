import { randomUUID } from 'node:crypto';
import { VersionStamps } from '@/core/redis/version-stamps';
import { TestApp } from './support/test-app';

describe('Organizations and catalog (e2e)', () => {
  let sut: TestApp;
  let admin: string;
  let networkId: string;

  beforeAll(async () => {
    sut = await TestApp.start();
    admin = await sut.adminToken();
    networkId = (
      await sut.http
        .post('/api/networks')
        .auth(admin, { type: 'bearer' })
        .send({
          name: `Réseau test ${randomUUID().slice(0, 6)}`,
          country: 'Canada',
          sectorCodes: ['aeronautics'],
        })
        .expect(201)
    ).body.id;
  });
  afterAll(() => sut.close());

  const newCourse = (extra: Record<string, unknown> = {}) => ({
    code: `C-${randomUUID().slice(0, 8)}`,
    title: { ar: 'صيانة محركات الطائرات', fr: 'Maintenance des moteurs' },
    sectorCode: 'aeronautics',
    networkId,
    format: 'remote',
    durationHours: 20,
    status: 'published',
    ...extra,
  });

  it('lists the six seeded sectors with names in three languages', async () => {
    const res = await sut.http.get('/api/sectors').auth(admin, { type: 'bearer' }).expect(200);
    expect(res.body.items.map((s: { code: string }) => s.code)).toEqual([
      'aeronautics',
      'automotive',
      'health',
      'digital',
      'ai',
      'distance-learning',
    ]);
    expect(res.body.items[0].name).toEqual({ ar: 'صناعة الطيران', fr: 'Aéronautique', en: 'Aeronautics' });
    expect(res.body.total).toBe(6);
  });

  it('stores an Arabic title and reads it back unchanged', async () => {
    const title = { ar: 'الذكاء الاصطناعي في الصيانة التنبؤية — المستوى ١' };
    const created = await sut.http
      .post('/api/courses')
      .auth(admin, { type: 'bearer' })
      .send(newCourse({ title }))
      .expect(201);
    const read = await sut.http
      .get(`/api/courses/${created.body.id}`)
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(read.body.title).toEqual(title);
    expect(read.body.title.ar).toBe(title.ar);
  });

  it('finds courses by a word of an Arabic or French title, and filters by sector and network', async () => {
    const code = `SEARCH-${randomUUID().slice(0, 6)}`;
    await sut.http
      .post('/api/courses')
      .auth(admin, { type: 'bearer' })
      .send(newCourse({ code, title: { ar: 'تلحيم الألمنيوم', fr: 'Soudage aluminium' } }))
      .expect(201);
    for (const q of ['تلحيم', 'soudage']) {
      const res = await sut.http.get('/api/courses').query({ q }).auth(admin, { type: 'bearer' }).expect(200);
      expect(res.body.items.map((c: { code: string }) => c.code)).toContain(code);
    }
    const other = await sut.http
      .get('/api/courses')
      .query({ q: 'soudage', sector: 'health' })
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(other.body.items).toEqual([]);
    const byNetwork = await sut.http
      .get('/api/courses')
      .query({ networkId })
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(byNetwork.body.items.every((c: { networkId: string }) => c.networkId === networkId)).toBe(true);
  });

  describe('search', () => {
    // A word no other test uses, placed in a different field of each course.
    const word = `Zq${randomUUID().slice(0, 6)}`;
    const courses: Record<string, { id: string; code: string }> = {};
    const create = async (name: string, extra: Record<string, unknown>) => {
      courses[name] = (
        await sut.http.post('/api/courses').auth(admin, { type: 'bearer' }).send(newCourse(extra)).expect(201)
      ).body;
    };
    const search = async (query: Record<string, string | number>, token = admin) =>
      (await sut.http.get('/api/courses').query(query).auth(token, { type: 'bearer' }).expect(200)).body as {
        items: { id: string; code: string }[];
        total: number;
      };
    const codes = (...names: string[]) => names.map((n) => courses[n].code).sort();

    beforeAll(async () => {
      await create('inCode', { code: `A-${word.toUpperCase()}-1` });
      await create('inArabic', {
        code: `B-${randomUUID().slice(0, 8)}`,
        title: { ar: `تلحيم ${word}`, fr: 'Autre chose' },
      });
      await create('inFrench', {
        code: `C-${randomUUID().slice(0, 8)}`,
        title: { fr: `Électricité ${word.toUpperCase()} ÉTÉ` },
      });
      await create('inEnglish', {
        code: `D-${randomUUID().slice(0, 8)}`,
        title: { en: `Wiring ${word.toLowerCase()}` },
        expertIds: [],
      });
      await create('otherSector', {
        code: `E-${randomUUID().slice(0, 8)}`,
        title: { fr: `Santé ${word}` },
        sectorCode: 'health',
      });
      await create('draft', {
        code: `F-${randomUUID().slice(0, 8)}`,
        title: { fr: `Brouillon ${word}` },
        status: 'draft',
      });
    });

    it('finds the word in the code and in every title language, whatever its case, with the total behind each page', async () => {
      const all = codes('inCode', 'inArabic', 'inFrench', 'inEnglish', 'otherSector', 'draft');
      const pages = [];
      for (const page of [1, 2, 3]) pages.push(await search({ q: word.toLowerCase(), page, pageSize: 2 }));
      expect(pages.map((p) => p.total)).toEqual([6, 6, 6]);
      expect(pages.flatMap((p) => p.items.map((c) => c.code))).toEqual(all);
      expect(await search({ q: word.toLowerCase(), page: 4, pageSize: 2 })).toEqual({ items: [], total: 6 });
      // Case folds beyond ASCII too: an accented capital matches its small letter.
      expect((await search({ q: `${word} été` })).items.map((c) => c.code)).toEqual(codes('inFrench'));
    });

    it('pages a list without a search term the same way, in code order, with the total behind each page', async () => {
      const all = await search({ networkId, pageSize: 100 });
      expect(all.items.length).toBeGreaterThanOrEqual(6);
      expect(all.total).toBe(all.items.length);
      expect(all.items.map((c) => c.code)).toEqual(all.items.map((c) => c.code).sort());
      expect(await search({ networkId, page: 2, pageSize: 1 })).toEqual({
        items: [all.items[1]],
        total: all.total,
      });
      expect(await search({ networkId, page: all.total + 1, pageSize: 1 })).toEqual({
        items: [],
        total: all.total,
      });
    });

    it('narrows the search by sector, network and (for admins) status, and shows others published courses only', async () => {
      const bySector = await search({ q: word, sector: 'aeronautics' });
      expect(bySector.total).toBe(5);
      expect(bySector.items.map((c) => c.code)).toEqual(
        codes('inCode', 'inArabic', 'inFrench', 'inEnglish', 'draft'),
      );
      expect((await search({ q: word, networkId })).total).toBe(6);
      expect((await search({ q: word, networkId: randomUUID() })).total).toBe(0);
      expect((await search({ q: word, status: 'draft' })).items.map((c) => c.code)).toEqual(codes('draft'));
      const trainee = await sut.createUser('trainee');
      const seen = await search({ q: word, status: 'draft', pageSize: 100 }, trainee.token);
      expect(seen.items.map((c) => c.code)).toEqual(
        codes('inCode', 'inArabic', 'inFrench', 'inEnglish', 'otherSector'),
      );
      expect(seen.total).toBe(5);
    });

    it('shows an expert the drafts they edit, and each course in full as GET /courses/:id does', async () => {
      const expert = await sut.createUser('expert', { networkId });
      const other = await sut.createUser('expert');
      await sut.http
        .patch(`/api/courses/${courses.draft.id}`)
        .auth(admin, { type: 'bearer' })
        .send({ expertIds: [other.id, expert.id] })
        .expect(200);
      const found = await search({ q: word, pageSize: 100 }, expert.token);
      expect(found.items.map((c) => c.code)).toEqual(
        codes('inCode', 'inArabic', 'inFrench', 'inEnglish', 'otherSector', 'draft'),
      );
      expect((await search({ q: word, pageSize: 100 }, other.token)).total).toBe(6);
      expect((await search({ q: word, pageSize: 100 }, (await sut.createUser('expert')).token)).total).toBe(
        5,
      );
      for (const item of found.items) {
        const { modules, ...detail } = (
          await sut.http.get(`/api/courses/${item.id}`).auth(admin, { type: 'bearer' }).expect(200)
        ).body;
        expect(modules).toEqual([]);
        expect(item).toEqual(detail);
      }
      const draft = found.items.find((c) => c.id === courses.draft.id) as unknown as { expertIds: string[] };
      expect(draft.expertIds).toEqual([expert.id, other.id].sort());
    });
  });

  it('refuses a trainee creating a course with 403', async () => {
    const trainee = await sut.createUser('trainee');
    const res = await sut.http
      .post('/api/courses')
      .auth(trainee.token, { type: 'bearer' })
      .send(newCourse())
      .expect(403);
    expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
  });

  it('shows trainees published courses only, and admins drafts too', async () => {
    const draft = (
      await sut.http
        .post('/api/courses')
        .auth(admin, { type: 'bearer' })
        .send(newCourse({ status: 'draft' }))
        .expect(201)
    ).body;
    const trainee = await sut.createUser('trainee');
    const seen = await sut.http
      .get('/api/courses')
      .query({ pageSize: 100, q: draft.code })
      .auth(trainee.token, { type: 'bearer' })
      .expect(200);
    expect(seen.body.items).toEqual([]);
    await sut.http.get(`/api/courses/${draft.id}`).auth(trainee.token, { type: 'bearer' }).expect(404);
    await sut.http.get(`/api/courses/${draft.id}`).auth(admin, { type: 'bearer' }).expect(200);
  });

  it('shows a trainee each change to the catalogue at once, though repeated pages are answered from memory', async () => {
    const tag = `MEM${randomUUID().slice(0, 6)}`;
    const course = (
      await sut.http
        .post('/api/courses')
        .auth(admin, { type: 'bearer' })
        .send(newCourse({ code: `${tag}-1`, status: 'draft' }))
        .expect(201)
    ).body;
    const trainee = await sut.createUser('trainee');
    const titles = async () =>
      (
        await sut.http
          .get('/api/courses')
          .query({ q: tag })
          .auth(trainee.token, { type: 'bearer' })
          .expect(200)
      ).body.items.map((c: { title: { fr: string } }) => c.title.fr);
    expect(await titles()).toEqual([]);
    expect(await titles()).toEqual([]);

    await sut.http
      .patch(`/api/courses/${course.id}`)
      .auth(admin, { type: 'bearer' })
      .send({ status: 'published' })
      .expect(200);
    expect(await titles()).toEqual(['Maintenance des moteurs']);
    await sut.http
      .patch(`/api/courses/${course.id}`)
      .auth(admin, { type: 'bearer' })
      .send({ title: { fr: 'Moteurs, niveau 2' } })
      .expect(200);
    expect(await titles()).toEqual(['Moteurs, niveau 2']);
    await sut.http
      .post('/api/courses')
      .auth(admin, { type: 'bearer' })
      .send(newCourse({ code: `${tag}-2`, title: { fr: 'Turbines' } }))
      .expect(201);
    expect(await titles()).toEqual(['Moteurs, niveau 2', 'Turbines']);

    // Proof that the page came from memory: a write that bypasses the service stays unseen until the stamp changes.
    await sut.dataSource.query(
      `UPDATE courses SET title = jsonb_set(title, '{fr}', '"Écrit en douce"') WHERE id = $1`,
      [course.id],
    );
    expect(await titles()).toEqual(['Moteurs, niveau 2', 'Turbines']);
    await sut.app.get(VersionStamps).bump('catalog');
    expect(await titles()).toEqual(['Écrit en douce', 'Turbines']);
  });

  it('validates: unknown field 400, missing title 400, malformed id 400, missing course 404, duplicate code 409', async () => {
    await sut.http
      .post('/api/courses')
      .auth(admin, { type: 'bearer' })
      .send(newCourse({ colour: 'red' }))
      .expect(400);
    const noTitle = await sut.http
      .post('/api/courses')
      .auth(admin, { type: 'bearer' })
      .send(newCourse({ title: {} }))
      .expect(400);
    expect(noTitle.body.message).toEqual(['title needs at least one of ar, fr, en']);
    await sut.http.get('/api/courses/not-a-uuid').auth(admin, { type: 'bearer' }).expect(400);
    const missing = await sut.http
      .get(`/api/courses/${randomUUID()}`)
      .auth(admin, { type: 'bearer' })
      .expect(404);
    expect(missing.body.message).toBe('Course not found');
    const course = newCourse();
    await sut.http.post('/api/courses').auth(admin, { type: 'bearer' }).send(course).expect(201);
    await sut.http.post('/api/courses').auth(admin, { type: 'bearer' }).send(course).expect(409);
  });

  it('keeps modules in order and lets the course expert edit them, but not another expert', async () => {
    const expert = await sut.createUser('expert', { networkId });
    const stranger = await sut.createUser('expert');
    const course = (
      await sut.http
        .post('/api/courses')
        .auth(admin, { type: 'bearer' })
        .send(newCourse({ expertIds: [expert.id] }))
        .expect(201)
    ).body;
    expect(course.expertIds).toEqual([expert.id]);
    const add = (position: number, fr: string, token = expert.token) =>
      sut.http
        .post(`/api/courses/${course.id}/modules`)
        .auth(token, { type: 'bearer' })
        .send({
          title: { fr },
          position,
          materials: [{ kind: 'link', title: { fr: 'Fiche' }, url: 'https://example.org/fiche.pdf' }],
        });
    const second = (await add(2, 'Deuxième').expect(201)).body;
    await add(1, 'Premier').expect(201);
    await add(3, 'Intrus', stranger.token).expect(403);
    await sut.http
      .patch(`/api/courses/${course.id}/modules/${second.id}`)
      .auth(expert.token, { type: 'bearer' })
      .send({ position: 3 })
      .expect(200);
    const read = (
      await sut.http.get(`/api/courses/${course.id}`).auth(expert.token, { type: 'bearer' }).expect(200)
    ).body;
    expect(read.modules.map((m: { title: { fr: string } }) => m.title.fr)).toEqual(['Premier', 'Deuxième']);
    expect(read.modules[0].materials[0]).toEqual({
      kind: 'link',
      title: { fr: 'Fiche' },
      url: 'https://example.org/fiche.pdf',
    });
    await sut.http
      .delete(`/api/courses/${course.id}/modules/${second.id}`)
      .auth(expert.token, { type: 'bearer' })
      .expect(204);
    await sut.http
      .delete(`/api/courses/${course.id}/modules/${second.id}`)
      .auth(expert.token, { type: 'bearer' })
      .expect(404);
  });

  it('refuses a non-expert as course expert with 400', async () => {
    const trainee = await sut.createUser('trainee');
    const res = await sut.http
      .post('/api/courses')
      .auth(admin, { type: 'bearer' })
      .send(newCourse({ expertIds: [trainee.id] }))
      .expect(400);
    expect(res.body.message).toMatch(/expert/);
  });

  it('manages networks and centres as admin, read-only for others', async () => {
    const expert = await sut.createUser('expert');
    await sut.http
      .post('/api/centres')
      .auth(expert.token, { type: 'bearer' })
      .send({ name: 'X', city: 'Y' })
      .expect(403);
    const centre = (
      await sut.http
        .post('/api/centres')
        .auth(admin, { type: 'bearer' })
        .send({ name: `Centre ${randomUUID().slice(0, 6)}`, city: 'Salé' })
        .expect(201)
    ).body;
    const patched = await sut.http
      .patch(`/api/centres/${centre.id}`)
      .auth(admin, { type: 'bearer' })
      .send({ region: 'Rabat-Salé-Kénitra' })
      .expect(200);
    expect(patched.body).toMatchObject({ city: 'Salé', region: 'Rabat-Salé-Kénitra' });
    await sut.http.get(`/api/centres/${centre.id}`).auth(expert.token, { type: 'bearer' }).expect(200);
    await sut.http
      .post('/api/networks')
      .auth(admin, { type: 'bearer' })
      .send({ name: 'N', country: 'X', sectorCodes: ['cooking'] })
      .expect(400);
  });

  it('answers health with PostgreSQL and Redis up, and the tz data version of the runtime', async () => {
    const res = await sut.http.get('/api/health').expect(200);
    // Node 24.22.3 carries IANA tz data 2026e; anything from 2026c knows Morocco's permanent UTC+0.
    expect(res.body.info).toEqual({
      postgres: { status: 'up' },
      redis: { status: 'up' },
      timeZoneRules: { status: 'up', version: process.versions.tz, current: true },
    });
    expect(res.body.info.timeZoneRules.version >= '2026c').toBe(true);
  });
});
