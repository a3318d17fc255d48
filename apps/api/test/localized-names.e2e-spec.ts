import { randomUUID } from 'node:crypto';
import { createCohortWorld, type CohortWorld } from './support/cohort-world';
import { TestApp } from './support/test-app';

/** Networks, centres and session titles in ar/fr/en, like course titles; countries by ISO code. */
describe('Localized names (e2e)', () => {
  let sut: TestApp;
  let admin: string;
  const tag = () => randomUUID().slice(0, 8);

  beforeAll(async () => {
    sut = await TestApp.start();
    admin = await sut.adminToken();
  });
  afterAll(() => sut.close());

  const post = (path: string, body: object, token = admin) =>
    sut.http.post(path).auth(token, { type: 'bearer' }).send(body);
  const patch = (path: string, body: object, token = admin) =>
    sut.http.patch(path).auth(token, { type: 'bearer' }).send(body);

  it('keeps a network’s names in three languages and its country as an ISO code', async () => {
    const t = tag();
    const created = await post('/api/networks', {
      names: { fr: `Réseau suisse ${t}`, en: `Swiss network ${t}`, ar: `الشبكة السويسرية ${t}` },
      countryCode: 'CH',
      sectorCodes: ['digital'],
    }).expect(201);
    expect(created.body).toMatchObject({
      names: { fr: `Réseau suisse ${t}`, en: `Swiss network ${t}`, ar: `الشبكة السويسرية ${t}` },
      // The fields older clients read: the French name, and the country in French.
      name: `Réseau suisse ${t}`,
      countryCode: 'CH',
      country: 'Suisse',
    });
    const read = await sut.http.get(`/api/networks/${created.body.id}`).auth(admin, { type: 'bearer' });
    expect(read.body.names.ar).toBe(`الشبكة السويسرية ${t}`);
  });

  it('takes a plain name as older clients send it, in the language its letters say', async () => {
    const t = tag();
    const latin = await post('/api/networks', {
      name: `Réseau Canada ${t}`,
      country: 'Canada',
      sectorCodes: [],
    }).expect(201);
    expect(latin.body).toMatchObject({ names: { fr: `Réseau Canada ${t}` }, countryCode: null });
    const arabic = await post('/api/networks', {
      name: `شبكة ${t}`,
      country: 'International',
      sectorCodes: [],
    }).expect(201);
    expect(arabic.body).toMatchObject({ names: { ar: `شبكة ${t}` }, name: `شبكة ${t}` });

    // A plain name later sets its own language and keeps the others.
    const renamed = await patch(`/api/networks/${arabic.body.id}`, { name: `Réseau ${t}` }).expect(200);
    expect(renamed.body.names).toEqual({ ar: `شبكة ${t}`, fr: `Réseau ${t}` });
    expect(renamed.body.name).toBe(`Réseau ${t}`);
    // A code given later names the country; clearing it keeps the text typed.
    const placed = await patch(`/api/networks/${arabic.body.id}`, { countryCode: 'DE' }).expect(200);
    expect(placed.body).toMatchObject({ countryCode: 'DE', country: 'Allemagne' });
  });

  it('refuses a network with no name in any language, or an unknown country code', async () => {
    const noName = await post('/api/networks', { names: {}, countryCode: 'CA', sectorCodes: [] }).expect(400);
    expect(JSON.stringify(noName.body.message)).toContain('names needs at least one of ar, fr, en');
    await post('/api/networks', { countryCode: 'CA', sectorCodes: [] }).expect(400);
    const badCode = await post('/api/networks', {
      name: `R ${tag()}`,
      countryCode: 'XX',
      sectorCodes: [],
    }).expect(400);
    expect(JSON.stringify(badCode.body.message)).toContain('ISO 3166-1 alpha-2');
    await post('/api/networks', { name: `R ${tag()}`, sectorCodes: [] }).expect(400);
  });

  it('keeps a centre’s names in three languages; the same French name twice is refused', async () => {
    const t = tag();
    const names = { fr: `Centre de Kénitra ${t}`, ar: `مركز القنيطرة ${t}` };
    const centre = await post('/api/centres', { names, city: 'Kénitra' }).expect(201);
    expect(centre.body).toMatchObject({ names, name: names.fr, city: 'Kénitra' });
    const edited = await patch(`/api/centres/${centre.body.id}`, {
      names: { ...names, en: `Kenitra centre ${t}` },
    }).expect(200);
    expect(edited.body.names.en).toBe(`Kenitra centre ${t}`);
    const again = await post('/api/centres', { names: { fr: names.fr }, city: 'Salé' }).expect(409);
    expect(again.body.code).toBe('name-taken');
  });

  describe('session titles', () => {
    let world: CohortWorld;
    beforeAll(async () => {
      world = await createCohortWorld(sut, 1);
    });

    const startsAt = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

    it('keeps the three titles, answers them in the schedule, and still takes a plain title', async () => {
      const titles = { fr: 'Freinage hydraulique', en: 'Hydraulic braking', ar: 'الفرملة الهيدروليكية' };
      const created = await post(
        `/api/cohorts/${world.cohortId}/sessions`,
        { titles, startsAt: startsAt(3), durationMinutes: 60, mode: 'remote' },
        world.expert.token,
      ).expect(201);
      expect(created.body.items[0]).toMatchObject({ titles, title: 'Freinage hydraulique' });

      const schedule = await sut.http
        .get(`/api/sessions?cohortId=${world.cohortId}`)
        .auth(world.trainees[0].token, { type: 'bearer' })
        .expect(200);
      expect(schedule.body.items[0].titles).toEqual(titles);

      const plain = await post(
        `/api/cohorts/${world.cohortId}/sessions`,
        { title: 'حصة المراجعة', startsAt: startsAt(4), durationMinutes: 60, mode: 'remote' },
        world.expert.token,
      ).expect(201);
      expect(plain.body.items[0].titles).toEqual({ ar: 'حصة المراجعة' });

      await post(
        `/api/cohorts/${world.cohortId}/sessions`,
        { titles: {}, startsAt: startsAt(5), durationMinutes: 60, mode: 'remote' },
        world.expert.token,
      ).expect(400);
    });

    it('tells an Arabic-speaking trainee of a cancellation with the Arabic title, in mail and calendar', async () => {
      const titles = { fr: 'Atelier moteurs', ar: 'ورشة المحركات' };
      const created = await post(
        `/api/cohorts/${world.cohortId}/sessions`,
        { titles, startsAt: startsAt(6), durationMinutes: 60, mode: 'remote' },
        world.expert.token,
      ).expect(201);
      const trainee = world.trainees[0];
      await patch(`/api/users/${trainee.id}`, { locale: 'ar' }).expect(200);
      const id = created.body.items[0].id;
      await post(`/api/sessions/${id}/cancel`, {}, world.expert.token).expect(200);

      const jobs = await sut.mailQueue.getJobs(['waiting', 'delayed', 'completed', 'active', 'failed']);
      const mail = jobs.find(
        (job) => job.data.to === trainee.email && job.data.template === 'session-cancelled',
      );
      expect(mail?.data.params.title).toBe('ورشة المحركات');
      expect(mail?.data.calendars?.[0].title).toBe('ورشة المحركات');
      const teacherMail = jobs.find(
        (job) => job.data.to === world.expert.email && job.data.template === 'session-cancelled',
      );
      expect(teacherMail?.data.params.title).toBe('Atelier moteurs');
    });
  });
});
