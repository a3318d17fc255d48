import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '@/worker.module';
import { createCohortWorld, CohortWorld } from './support/cohort-world';
import { mimeParts, ReceivedMail, SmtpInbox, subjectOf } from './support/smtp-inbox';
import { TestApp } from './support/test-app';

/*
 * Facts of the IANA tz database this relies on (2026c or later; this runtime: Node 24, tz data 2026e):
 * - America/Toronto is UTC-5 until 2027-03-14 02:00 local, UTC-4 from then (daylight saving):
 *   10:00 there is 15:00Z on 2027-03-08 and 14:00Z on 2027-03-15.
 * - Africa/Casablanca is UTC+0 all year since 2026-09-20 (no more return to UTC+1 after Ramadan):
 *   10:00 there is 10:00Z throughout February and March 2027. The rules before 2026c had Morocco
 *   back at UTC+1 from 2027-03-14, which would have made 10:00 09:00Z from then.
 */

interface Session {
  id: string;
  startsAt: string;
  localStart: string;
  timeZone: string;
  status: string;
  seriesId: string | null;
  cancellationReasons: Record<string, string> | null;
  seriesPosition?: number | null;
  seriesLength?: number | null;
}

describe('Weekly series: move or cancel one session or the following ones, with a reason (e2e)', () => {
  const inbox = new SmtpInbox();
  let api: TestApp;
  let worker: INestApplicationContext;
  let world: CohortWorld;

  const as = (token: string) => ({
    post: (path: string, body?: object) => {
      const req = api.http.post(path).auth(token, { type: 'bearer' });
      return body ? req.send(body) : req;
    },
    patch: (path: string, body: object) => api.http.patch(path).auth(token, { type: 'bearer' }).send(body),
    get: (path: string) => api.http.get(path).auth(token, { type: 'bearer' }),
  });
  const series = async (cohortId: string, body: object): Promise<Session[]> =>
    (
      await as(world.expert.token)
        .post(`/api/cohorts/${cohortId}/sessions`, { durationMinutes: 60, mode: 'remote', ...body })
        .expect(201)
    ).body.items;
  const stored = async (ids: string[]): Promise<Session[]> =>
    Promise.all(
      ids.map(async (id) => (await as(world.expert.token).get(`/api/sessions/${id}`).expect(200)).body),
    );
  const textOf = (mail: ReceivedMail) =>
    mimeParts(mail.raw).find((p) => p.contentType.startsWith('text/plain'))?.body ?? '';
  const calendars = (mail: ReceivedMail) =>
    mimeParts(mail.raw)
      .filter((p) => p.contentType.startsWith('text/calendar'))
      .map((p) => p.body.replace(/\r\n[ \t]/g, ''));
  /** The notice of the series' creation, which every test's sessions send first. */
  const isCreation = (m: ReceivedMail) => /^(New session|Nouvelle séance|حصة جديدة)/.test(subjectOf(m.raw));
  /** The e-mails whose subject matches (their creation aside), per recipient, once `count` have arrived. */
  const mailsFor = async (subject: RegExp, count: number) => {
    await inbox.waitFor((m) => subject.test(subjectOf(m.raw)) && !isCreation(m), count);
    // Anything queued twice would arrive by now too.
    await new Promise((r) => setTimeout(r, 500));
    const mails = inbox.mails.filter((m) => subject.test(subjectOf(m.raw)) && !isCreation(m));
    return (email: string) => mails.filter((m) => m.to.includes(email));
  };

  beforeAll(async () => {
    process.env.SMTP_URL = await inbox.start();
    api = await TestApp.start();
    process.env.MRE_PROCESS = 'worker';
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    delete process.env.MRE_PROCESS;
    world = await createCohortWorld(api, 2);
    // An Arabic-speaking trainee in Casablanca, a French-speaking one, an English-speaking expert in Toronto.
    await as(world.trainees[0].token)
      .patch('/api/me', { locale: 'ar', timeZone: 'Africa/Casablanca' })
      .expect(200);
    await as(world.trainees[1].token)
      .patch('/api/me', { locale: 'fr', timeZone: 'Europe/Paris' })
      .expect(200);
    await as(world.expert.token).patch('/api/me', { locale: 'en' }).expect(200);
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
    await inbox.stop();
    delete process.env.SMTP_URL;
  });

  it('moves this and the following sessions by the same wall-clock change across daylight saving, telling each person once', async () => {
    const cohortId = await world.addCohort();
    // Mondays 10:00 in Toronto: 03-01 and 03-08 in winter time, 03-15 and 03-22 in summer time.
    const created = await series(cohortId, {
      title: 'Hydraulique',
      startsAt: '2027-03-01T10:00:00-05:00',
      repeatWeeks: 4,
      timeZone: 'America/Toronto',
    });
    expect(created.map((s) => s.startsAt)).toEqual([
      '2027-03-01T15:00:00.000Z',
      '2027-03-08T15:00:00.000Z',
      '2027-03-15T14:00:00.000Z',
      '2027-03-22T14:00:00.000Z',
    ]);

    // From the second on, to Tuesdays 11:30 (a day and an hour and a half later on the wall clock).
    const moved = await as(world.expert.token)
      .patch(`/api/sessions/${created[1].id}`, { startsAt: '2027-03-09T11:30:00-05:00', scope: 'following' })
      .expect(200);
    expect(moved.body).toMatchObject({ id: created[1].id, startsAt: '2027-03-09T16:30:00.000Z' });
    const after = await stored(created.map((s) => s.id));
    expect(after.map((s) => [s.localStart, s.startsAt])).toEqual([
      ['2027-03-01T10:00:00', '2027-03-01T15:00:00.000Z'],
      ['2027-03-09T11:30:00', '2027-03-09T16:30:00.000Z'],
      // Summer time: 11:30 in Toronto is 15:30Z, not 16:30Z (an hour-count shift would give that).
      ['2027-03-16T11:30:00', '2027-03-16T15:30:00.000Z'],
      ['2027-03-23T11:30:00', '2027-03-23T15:30:00.000Z'],
    ]);

    // One e-mail per person for the three moved sessions, with one updated invitation each.
    const mails = await mailsFor(/Hydraulique/, 3);
    for (const person of [world.trainees[0], world.trainees[1], world.expert]) {
      const [mail, ...more] = mails(person.email);
      expect(more).toHaveLength(0);
      const invites = calendars(mail);
      expect(invites).toHaveLength(3);
      for (const [i, invite] of invites.entries()) {
        expect(invite).toContain('METHOD:REQUEST');
        expect(invite).toContain(`UID:${created[i + 1].id}`);
      }
    }
    const [arabic] = mails(world.trainees[0].email);
    expect(subjectOf(arabic.raw)).toBe('تغيير موعد الحصة: Hydraulique');
    expect(textOf(arabic)).toContain('تم تغيير مواعيد 3 حصص من «Hydraulique»');
    // The trainee reads the times in Casablanca (UTC+0), and the series' own wall clock in Toronto.
    expect(textOf(arabic)).toContain('(Toronto, UTC-4)');
    const [english] = mails(world.expert.email);
    expect(subjectOf(english.raw)).toBe('Session rescheduled: Hydraulique');
    expect(textOf(english)).toContain('3 sessions of "Hydraulique" have been rescheduled');

    // In the bell too, once per person.
    const bell = (await as(world.trainees[1].token).get('/api/me/notifications').expect(200)).body.items;
    const notices = bell.filter(
      (n: { kind: string; params: { sessionId: string } }) =>
        n.kind === 'session-rescheduled' && n.params.sessionId === created[1].id,
    );
    expect(notices).toHaveLength(1);
    expect(notices[0].params.sessions).toBe(3);

    // Audited, one entry per session moved, naming who and the scope.
    const audit = (
      await as(world.admin).get(`/api/audit?entity=session&entityId=${created[3].id}&pageSize=50`).expect(200)
    ).body.items;
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'session.rescheduled',
          actorId: world.expert.id,
          data: expect.objectContaining({ scope: 'following', to: '2027-03-23T15:30:00.000Z' }),
        }),
      ]),
    );
  });

  it('moves only this session by default (scope one), as older clients ask', async () => {
    const cohortId = await world.addCohort();
    const created = await series(cohortId, {
      title: 'Pneumatique',
      startsAt: '2027-04-05T09:00:00-04:00',
      repeatWeeks: 3,
      timeZone: 'America/Toronto',
    });
    await as(world.expert.token)
      .patch(`/api/sessions/${created[1].id}`, { startsAt: '2027-04-13T09:00:00-04:00' })
      .expect(200);
    const after = await stored(created.map((s) => s.id));
    expect(after.map((s) => s.startsAt)).toEqual([
      '2027-04-05T13:00:00.000Z',
      '2027-04-13T13:00:00.000Z',
      '2027-04-19T13:00:00.000Z',
    ]);
    const mails = await mailsFor(/Pneumatique/, 3);
    const [mail, ...more] = mails(world.trainees[1].email);
    expect(more).toHaveLength(0);
    expect(textOf(mail)).toContain('La séance « Pneumatique » a été déplacée.');
    expect(calendars(mail)).toHaveLength(1);
  });

  it('keeps a Casablanca series at its local time past the date older rules changed the offset, and cancels the following ones with a reason in each language', async () => {
    const cohortId = await world.addCohort();
    // Mondays 10:00 in Casablanca, 2027-03-01 to 03-22: UTC+0 throughout (tz 2026c and later).
    const created = await series(cohortId, {
      title: 'Freinage',
      startsAt: '2027-03-01T10:00:00+00:00',
      repeatWeeks: 4,
      timeZone: 'Africa/Casablanca',
    });
    expect(created.map((s) => s.startsAt)).toEqual([
      '2027-03-01T10:00:00.000Z',
      '2027-03-08T10:00:00.000Z',
      '2027-03-15T10:00:00.000Z',
      '2027-03-22T10:00:00.000Z',
    ]);
    // All to 14:00: the later ones stay at 14:00 in Casablanca, 14:00Z under the rules in force.
    await as(world.expert.token)
      .patch(`/api/sessions/${created[0].id}`, { startsAt: '2027-03-01T14:00:00Z', scope: 'following' })
      .expect(200);
    const moved = await stored(created.map((s) => s.id));
    expect(moved.map((s) => [s.localStart, s.startsAt, s.timeZone])).toEqual([
      ['2027-03-01T14:00:00', '2027-03-01T14:00:00.000Z', 'Africa/Casablanca'],
      ['2027-03-08T14:00:00', '2027-03-08T14:00:00.000Z', 'Africa/Casablanca'],
      ['2027-03-15T14:00:00', '2027-03-15T14:00:00.000Z', 'Africa/Casablanca'],
      ['2027-03-22T14:00:00', '2027-03-22T14:00:00.000Z', 'Africa/Casablanca'],
    ]);

    const reasons = {
      ar: 'الخبير مريض',
      fr: 'Le formateur est malade',
      en: 'The trainer is ill',
    };
    const cancelled = await as(world.expert.token)
      .post(`/api/sessions/${created[2].id}/cancel`, { scope: 'following', reasons })
      .expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellationReasons: reasons });
    const after = await stored(created.map((s) => s.id));
    expect(after.map((s) => [s.status, s.cancellationReasons])).toEqual([
      ['scheduled', null],
      ['scheduled', null],
      ['cancelled', reasons],
      ['cancelled', reasons],
    ]);

    // Trainees see the reason in their schedule.
    const schedule = (
      await as(world.trainees[0].token)
        .get(`/api/sessions?from=2027-03-01T00:00:00Z&cohortId=${cohortId}`)
        .expect(200)
    ).body.items as Session[];
    expect(schedule.map((s) => [s.status, s.cancellationReasons])).toEqual([
      ['scheduled', null],
      ['scheduled', null],
      ['cancelled', reasons],
      ['cancelled', reasons],
    ]);
    // Each says where it stands in the series ("3 of 4"), the cancelled ones still counted.
    expect(schedule.map((s) => [s.seriesPosition, s.seriesLength])).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);

    // One cancellation e-mail each, for both sessions, with the reason in their language.
    const mails = await mailsFor(/Freinage/, 6);
    const expected = [
      [world.trainees[0], 'إلغاء الحصة: Freinage', 'السبب: الخبير مريض'],
      [world.trainees[1], 'Séance annulée : Freinage', 'Motif : Le formateur est malade'],
      [world.expert, 'Session cancelled: Freinage', 'Reason: The trainer is ill'],
    ] as const;
    for (const [person, subject, reasonLine] of expected) {
      const cancellations = mails(person.email).filter((m) => subjectOf(m.raw) === subject);
      expect(cancellations).toHaveLength(1);
      expect(textOf(cancellations[0])).toContain(reasonLine);
      const invites = calendars(cancellations[0]);
      expect(invites).toHaveLength(2);
      expect(invites.every((invite) => invite.includes('METHOD:CANCEL'))).toBe(true);
    }

    // A cancelled session cannot be cancelled or moved again.
    await as(world.expert.token).post(`/api/sessions/${created[3].id}/cancel`).expect(410);
    const audit = (
      await as(world.admin).get(`/api/audit?entity=session&entityId=${created[3].id}&pageSize=50`).expect(200)
    ).body.items;
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'session.cancelled',
          reason: 'Le formateur est malade',
          data: expect.objectContaining({ scope: 'following' }),
        }),
      ]),
    );
  });

  it('cancels one session with no body (older clients) or a plain reason kept in its language', async () => {
    const cohortId = await world.addCohort();
    const created = await series(cohortId, {
      title: 'Soudure',
      startsAt: '2027-05-03T10:00:00+00:00',
      repeatWeeks: 3,
      timeZone: 'Africa/Casablanca',
    });
    const plain = await as(world.expert.token).post(`/api/sessions/${created[0].id}/cancel`).expect(200);
    expect(plain.body).toMatchObject({ status: 'cancelled', cancellationReasons: null });
    const arabic = await as(world.coordinator.token)
      .post(`/api/sessions/${created[1].id}/cancel`, { reason: 'عطلة رسمية' })
      .expect(200);
    expect(arabic.body.cancellationReasons).toEqual({ ar: 'عطلة رسمية' });
    const after = await stored(created.map((s) => s.id));
    expect(after.map((s) => s.status)).toEqual(['cancelled', 'cancelled', 'scheduled']);

    // Each cancellation is its own notice; the French trainee reads the Arabic reason, the only one given.
    const mails = await mailsFor(/Soudure/, 6);
    const french = mails(world.trainees[1].email);
    expect(french).toHaveLength(2);
    const withReason = french.find((m) => textOf(m).includes('Motif'));
    expect(textOf(withReason as ReceivedMail)).toContain('Motif : عطلة رسمية');
  });

  it('lets only the staff of the cohort change a series, and refuses an unknown scope', async () => {
    const cohortId = await world.addCohort();
    const created = await series(cohortId, {
      title: 'Électricité',
      startsAt: '2027-06-07T10:00:00+00:00',
      repeatWeeks: 2,
      timeZone: 'Africa/Casablanca',
    });
    const id = created[0].id;
    await as(world.trainees[0].token).post(`/api/sessions/${id}/cancel`, { scope: 'following' }).expect(403);
    await as(world.trainees[0].token)
      .patch(`/api/sessions/${id}`, { startsAt: '2027-06-07T11:00:00Z', scope: 'following' })
      .expect(403);
    await as(world.outsider.token).post(`/api/sessions/${id}/cancel`, { scope: 'following' }).expect(404);
    const bad = await as(world.expert.token).post(`/api/sessions/${id}/cancel`, { scope: 'all' }).expect(400);
    expect(JSON.stringify(bad.body.message)).toContain('scope');
    await as(world.expert.token)
      .post(`/api/sessions/${id}/cancel`, { reason: 'x'.repeat(301) })
      .expect(400);
    const after = await stored(created.map((s) => s.id));
    expect(after.map((s) => s.status)).toEqual(['scheduled', 'scheduled']);
  });
});
