import { strFromU8, unzipSync } from 'fflate';
import ICAL from 'ical.js';
import type { Response } from 'supertest';
import { FeedTokensService } from '@/modules/calendar/feed-tokens.service';
import { createCohortWorld, type CohortWorld } from './support/cohort-world';
import { clearRateLimits } from './support/security';
import { TestApp, type TestUser } from './support/test-app';

interface FeedEvent {
  uid: string;
  summary: string;
  start: string;
  end: string;
  sequence: number;
  status: string;
  url: string;
}

interface Feed {
  name: string;
  refresh: string;
  ttl: string;
  events: FeedEvent[];
}

/** The feed as a calendar app reads it: parsed by ical.js, not by looking at the text. */
function parseFeed(text: string): Feed {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    name: String(calendar.getFirstPropertyValue('x-wr-calname')),
    refresh: String(calendar.getFirstPropertyValue('refresh-interval')),
    ttl: String(calendar.getFirstPropertyValue('x-published-ttl')),
    events: calendar.getAllSubcomponents('vevent').map((vevent) => {
      const event = new ICAL.Event(vevent);
      return {
        uid: event.uid,
        summary: event.summary,
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
        sequence: event.sequence,
        status: String(vevent.getFirstPropertyValue('status')),
        url: String(vevent.getFirstPropertyValue('url')),
      };
    }),
  };
}

/**
 * Personal calendar feeds (issue 18): a secret URL per person, fetched with no account.
 *
 * Time-zone facts relied on (tz database 2026c or later, as Node 24's ICU carries): Morocco
 * (Africa/Casablanca) is on UTC+0 all year since 2026-09-20, with no Ramadan change any more; Toronto
 * moves to daylight time (UTC−4) on 2027-03-14.
 */
describe('Calendar feeds (e2e)', () => {
  let sut: TestApp;
  let world: CohortWorld;
  let secondCohort: string;
  let trainee: TestUser;
  let withdrawn: TestUser;
  const ids: Record<string, string> = {};
  let casablancaSeries: string[];

  const as = (token: string) => ({
    get: (path: string) => sut.http.get(path).auth(token, { type: 'bearer' }),
    post: (path: string, body: object = {}) => sut.http.post(path).auth(token, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) => sut.http.patch(path).auth(token, { type: 'bearer' }).send(body),
    delete: (path: string) => sut.http.delete(path).auth(token, { type: 'bearer' }),
  });
  /** The path and query of a feed URL, to fetch it from the app under test. */
  const pathOf = (url: string) => {
    const parsed = new URL(url);
    return parsed.pathname + parsed.search;
  };
  const fetchFeed = async (url: string): Promise<Feed> => {
    const res = await sut.http.get(pathOf(url)).expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['cache-control']).toBe('private, max-age=300');
    return parseFeed(res.text);
  };
  const feedOf = async (user: { token: string }): Promise<Feed> =>
    fetchFeed((await as(user.token).post('/api/me/calendar-feed').expect(200)).body.url);
  const schedule = async (cohortId: string, body: object): Promise<string[]> =>
    (
      await as(world.expert.token)
        .post(`/api/cohorts/${cohortId}/sessions`, { durationMinutes: 90, mode: 'remote', ...body })
        .expect(201)
    ).body.items.map((s: { id: string }) => s.id);

  beforeAll(async () => {
    sut = await TestApp.start();
    world = await createCohortWorld(sut, 2);
    [trainee, withdrawn] = world.trainees;
    secondCohort = await world.addCohort();
    await as(trainee.token).patch('/api/me', { locale: 'ar' }).expect(200);
    await as(world.expert.token).patch('/api/me', { locale: 'en' }).expect(200);
    await as(world.admin)
      .delete(`/api/cohorts/${secondCohort}/enrollments/${withdrawn.id}`)
      .expect((res) => expect(res.status).toBeLessThan(300));

    const titles = { ar: 'الهيدروليك', fr: 'Hydraulique', en: 'Hydraulics' };
    // Eight Mondays at 10:00 in Casablanca, across Ramadan 2027 (which moved Moroccan clocks before 2026).
    casablancaSeries = await schedule(world.cohortId, {
      titles,
      startsAt: '2027-01-25T10:00:00+00:00',
      repeatWeeks: 8,
      timeZone: 'Africa/Casablanca',
    });
    // Two Mondays at 18:00 in Toronto, across its change to daylight time.
    [ids.torontoBefore, ids.torontoAfter] = await schedule(world.cohortId, {
      titles,
      startsAt: '2027-03-08T18:00:00-05:00',
      repeatWeeks: 2,
      timeZone: 'America/Toronto',
    });
    [ids.moved] = await schedule(world.cohortId, { titles, startsAt: '2027-04-05T09:00:00Z' });
    await as(world.expert.token)
      .patch(`/api/sessions/${ids.moved}`, { startsAt: '2027-04-06T09:30:00Z' })
      .expect(200);
    [ids.cancelled] = await schedule(world.cohortId, { titles, startsAt: '2027-04-07T09:00:00Z' });
    await as(world.expert.token).post(`/api/sessions/${ids.cancelled}/cancel`).expect(200);
    [ids.second] = await schedule(secondCohort, {
      title: 'Séance de la seconde cohorte',
      startsAt: '2027-05-03T09:00:00Z',
    });
  });
  afterAll(async () => {
    await clearRateLimits(sut);
    await sut.close();
  });

  it('has no feed until the person asks for one, then shows the same URL again', async () => {
    const me = as(world.trainees[0].token);
    await me.delete('/api/me/calendar-feed').expect(204);
    const none = await me.get('/api/me/calendar-feed').expect(404);
    expect(none.body.code).toBe('calendar-feed-not-found');
    const created = (await me.post('/api/me/calendar-feed').expect(200)).body;
    expect(created.url).toMatch(/^https?:\/\/.+\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(created.webcalUrl).toBe(created.url.replace(/^https?:/, 'webcal:'));
    expect((await me.get('/api/me/calendar-feed').expect(200)).body).toEqual(created);
  });

  it("lists a trainee's sessions at their current times, titles in Arabic, moved and cancelled ones as such", async () => {
    const feed = await feedOf(trainee);
    expect(feed.name).toBe('MRE Academy — حصصي');
    expect(feed.refresh).toBe('PT1H');
    expect(feed.ttl).toBe('PT1H');
    const byId = new Map(feed.events.map((e) => [e.uid, e]));
    expect([...byId.keys()].sort()).toEqual(
      [...casablancaSeries, ids.torontoBefore, ids.torontoAfter, ids.moved, ids.cancelled, ids.second].sort(),
    );
    // Casablanca on UTC+0 all year: 10:00 there is 10:00 UTC every week, Ramadan included.
    expect(casablancaSeries.map((id) => byId.get(id)?.start)).toEqual(
      ['01-25', '02-01', '02-08', '02-15', '02-22', '03-01', '03-08', '03-15'].map(
        (day) => `2027-${day}T10:00:00.000Z`,
      ),
    );
    expect(byId.get(ids.torontoBefore)?.start).toBe('2027-03-08T23:00:00.000Z');
    expect(byId.get(ids.torontoAfter)?.start).toBe('2027-03-15T22:00:00.000Z');
    expect(byId.get(ids.torontoAfter)?.end).toBe('2027-03-15T23:30:00.000Z');

    expect(byId.get(ids.moved)).toMatchObject({
      start: '2027-04-06T09:30:00.000Z',
      end: '2027-04-06T11:00:00.000Z',
      sequence: 1,
      status: 'CONFIRMED',
    });
    expect(byId.get(ids.cancelled)).toMatchObject({ status: 'CANCELLED', sequence: 1 });
    expect(byId.get(casablancaSeries[0])).toMatchObject({ summary: 'الهيدروليك', sequence: 0 });
    expect(byId.get(casablancaSeries[0])?.url).toMatch(
      new RegExp(`/sessions/${casablancaSeries[0]}/classroom$`),
    );
  });

  it("lists the sessions an expert teaches, titles in the expert's language", async () => {
    const feed = await feedOf(world.expert);
    expect(feed.name).toBe('MRE Academy — my sessions');
    expect(feed.events).toHaveLength(13);
    expect(feed.events.find((e) => e.uid === ids.moved)?.summary).toBe('Hydraulics');
    expect(feed.events.find((e) => e.uid === ids.second)?.summary).toBe('Séance de la seconde cohorte');
  });

  it("lists a coordinator's centre's sessions, and nothing for someone in no cohort", async () => {
    expect((await feedOf(world.coordinator)).events).toHaveLength(13);
    expect((await feedOf(world.outsider)).events).toEqual([]);
  });

  it('leaves out the cohorts a trainee was withdrawn from', async () => {
    const uids = (await feedOf(withdrawn)).events.map((e) => e.uid);
    expect(uids).toHaveLength(12);
    expect(uids).not.toContain(ids.second);
  });

  it("narrows the feed to one cohort's sessions with ?cohort=, as the enrolment notice links it", async () => {
    const url = await sut.app.get(FeedTokensService).feedUrl(trainee.id, secondCohort);
    const mine = (await as(trainee.token).get('/api/me/calendar-feed').expect(200)).body;
    expect(url).toBe(`${mine.url}?cohort=${secondCohort}`);
    const feed = await fetchFeed(url);
    expect(feed.events.map((e) => e.uid)).toEqual([ids.second]);
    expect(feed.name).toMatch(/^MRE Academy — Cohorte /);
    await sut.http.get(`${pathOf(mine.url)}?cohort=not-an-id`).expect(400);
  });

  it('creates a feed for the enrolment notice when the person has none', async () => {
    const person = await sut.createUser('trainee', { centreId: world.centreId });
    await as(world.admin).post(`/api/cohorts/${secondCohort}/enrollments`, { userId: person.id }).expect(201);
    const url = await sut.app.get(FeedTokensService).feedUrl(person.id);
    expect((await fetchFeed(url)).events.map((e) => e.uid)).toEqual([ids.second]);
    expect(await sut.app.get(FeedTokensService).feedUrl(person.id)).toBe(url);
  });

  it('answers 404 for a revoked token, audited, and for a token never issued', async () => {
    const person = await sut.createUser('trainee', { centreId: world.centreId });
    const { url } = (await as(person.token).post('/api/me/calendar-feed').expect(200)).body;
    await sut.http.get(pathOf(url)).expect(200);
    await as(person.token).delete('/api/me/calendar-feed').expect(204);
    const gone = await sut.http.get(pathOf(url)).expect(404);
    expect(gone.body.code).toBe('calendar-feed-not-found');
    await as(person.token).get('/api/me/calendar-feed').expect(404);
    await sut.http.get(`/api/calendar/${'A'.repeat(43)}.ics`).expect(404);
    await sut.http.get('/api/calendar/short.ics').expect(404);
    const audit = (
      await as(world.admin).get(`/api/audit?entity=user&entityId=${person.id}&pageSize=100`).expect(200)
    ).body.items.map((entry: { action: string }) => entry.action);
    expect(audit).toEqual(expect.arrayContaining(['calendar-feed.created', 'calendar-feed.revoked']));
  });

  it('stops the old URL when the link is reset; the new one works', async () => {
    const person = await sut.createUser('trainee', { centreId: world.centreId });
    const first = (await as(person.token).post('/api/me/calendar-feed').expect(200)).body;
    const second = (await as(person.token).post('/api/me/calendar-feed').expect(200)).body;
    expect(second.url).not.toBe(first.url);
    await sut.http.get(pathOf(first.url)).expect(404);
    await sut.http.get(pathOf(second.url)).expect(200);
  });

  it('takes simultaneous resets in turn: each answers a URL, and the last one is the one that works', async () => {
    const person = await sut.createUser('trainee', { centreId: world.centreId });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => as(person.token).post('/api/me/calendar-feed')),
    );
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 200, 200]);
    const current = (await as(person.token).get('/api/me/calendar-feed').expect(200)).body.url;
    const working = [];
    for (const res of answers)
      if ((await sut.http.get(pathOf(res.body.url))).status === 200) working.push(res);
    expect(working.map((res) => res.body.url)).toEqual([current]);
  });

  it("keeps only the token's hash and a sealed copy in the database", async () => {
    const { url } = (await as(trainee.token).get('/api/me/calendar-feed').expect(200)).body;
    const token = /calendar\/([^.]+)\.ics/.exec(url)?.[1] as string;
    const rows: { token_hash: string; token_sealed: string }[] = await sut.dataSource.query(
      'SELECT token_hash, token_sealed FROM calendar_feeds WHERE user_id = $1',
      [trainee.id],
    );
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("tells the person's data export since when their feed works, never its link", async () => {
    const person = await sut.createUser('trainee', { centreId: world.centreId });
    const { url, createdAt } = (await as(person.token).post('/api/me/calendar-feed').expect(200)).body;
    const res = await as(person.token)
      .get('/api/me/export')
      .buffer(true)
      .parse((response: Response, done: (error: Error | null, body: Buffer) => void) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const json = strFromU8(unzipSync(new Uint8Array(res.body as Buffer))['data.json']);
    expect(JSON.parse(json).profile.calendarFeedCreatedAt).toBe(createdAt);
    expect(json).not.toContain(/calendar\/([^.]+)\.ics/.exec(url)?.[1]);
  });

  it("revokes the feed when the person's data is erased", async () => {
    const person = await sut.createUser('trainee', { centreId: world.centreId });
    const { url } = (await as(person.token).post('/api/me/calendar-feed').expect(200)).body;
    await as(world.admin)
      .post(`/api/users/${person.id}/erase`, { reason: 'Demande de la personne' })
      .expect(202);
    await sut.http.get(pathOf(url)).expect(404);
  });

  it('refuses a token fetched too often (429) while others still work', async () => {
    const person = await sut.createUser('trainee', { centreId: world.centreId });
    const { url } = (await as(person.token).post('/api/me/calendar-feed').expect(200)).body;
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await sut.http.get(pathOf(url))).status);
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    expect(statuses[30]).toBe(429);
    const mine = (await as(trainee.token).get('/api/me/calendar-feed').expect(200)).body;
    await sut.http.get(pathOf(mine.url)).expect(200);
  });
});
