import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Job, Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { QueueName, ReminderJob, ReminderKind } from '@/core/queue/queue-name';
import { fanOutJobId, LeadKind, REMINDER_LEADS_MS } from '@/modules/notifications/reminders.service';
import { WorkerModule } from '@/worker.module';
import { mimeParts, ReceivedMail, SmtpInbox, subjectOf } from './support/smtp-inbox';
import { TestApp, TestUser } from './support/test-app';

const KINDS: LeadKind[] = ['24h', '15m'];
const TORONTO = 'America/Toronto';
const CASABLANCA = 'Africa/Casablanca';

/** The first instant after `after` at which the zone's UTC offset changes (daylight saving). */
function nextOffsetChange(zone: string, after: DateTime): DateTime {
  let t = after.setZone(zone).startOf('hour');
  const offset = t.offset;
  for (let i = 0; i < 24 * 400; i++) {
    t = t.plus({ hours: 1 });
    if (t.offset !== offset) return t;
  }
  throw new Error(`no offset change in ${zone}`);
}

/** 18:00 (or the given hour) local on the day a zone changes its offset, after the change. */
function onChangeDay(zone: string, hour: number): Date {
  const change = nextOffsetChange(zone, DateTime.utc().plus({ days: 3 }));
  return DateTime.fromObject(
    { year: change.year, month: change.month, day: change.day, hour },
    { zone },
  ).toJSDate();
}

const local = (instant: Date, zone: string) => DateTime.fromJSDate(instant, { zone }).toFormat('HH:mm');
/** "Toronto, UTC-4": how e-mails name a zone and its offset at an instant. */
const zoneAt = (instant: Date, zone: string) =>
  `${zone.split('/')[1]}, UTC${DateTime.fromJSDate(instant, { zone }).toFormat('Z')}`;
const icsUtc = (instant: Date) =>
  instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

interface Session {
  id: string;
  startsAt: Date;
}

/**
 * Session reminders through real workers and a real SMTP server: delayed jobs planned at exactly
 * 24 h and 15 min before each start (across a daylight-saving change in Toronto; Casablanca has
 * none any more: UTC+0 all year since 2026-09-20, IANA tzdb 2026c),
 * promoted instead of waited for, each sent once with two workers, moved and removed with the session.
 */
describe('Session reminders (e2e)', () => {
  const inbox = new SmtpInbox();
  let api: TestApp;
  const workers: INestApplicationContext[] = [];
  let reminders: Queue<ReminderJob>;
  let admin: string;
  let expert: TestUser;
  let trainee: TestUser;
  let cohortId: string;

  beforeAll(async () => {
    process.env.SMTP_URL = await inbox.start();
    api = await TestApp.start();
    process.env.MRE_PROCESS = 'worker';
    // Two workers consume the same queues at once, as two replicas would.
    for (let i = 0; i < 2; i++)
      workers.push(await NestFactory.createApplicationContext(WorkerModule, { logger: false }));
    delete process.env.MRE_PROCESS;
    reminders = api.app.get(getQueueToken(QueueName.Reminders));

    admin = await api.adminToken();
    const post = async (path: string, body: object, token = admin) =>
      (await api.http.post(path).auth(token, { type: 'bearer' }).send(body).expect(201)).body;
    const tag = randomUUID().slice(0, 8);
    const network = await post('/api/networks', {
      name: `Réseau rappels ${tag}`,
      country: 'Canada',
      sectorCodes: ['aeronautics'],
    });
    const centre = await post('/api/centres', { name: `Kénitra rappels ${tag}`, city: 'Kénitra' });
    const course = await post('/api/courses', {
      code: `REM-${tag}`,
      title: { fr: 'Hydraulique' },
      sectorCode: 'aeronautics',
      networkId: network.id,
      format: 'remote',
      durationHours: 12,
      status: 'published',
    });
    expert = await api.createUser('expert', {
      fullName: 'Youssef Alaoui',
      locale: 'fr',
      timeZone: TORONTO,
      networkId: network.id,
    });
    trainee = await api.createUser('trainee', {
      fullName: 'سلمى بنعلي',
      locale: 'ar',
      timeZone: CASABLANCA,
      centreId: centre.id,
    });
    cohortId = (
      await post('/api/cohorts', {
        courseId: course.id,
        name: `Rappels ${tag}`,
        kind: 'trainees',
        centreId: centre.id,
        capacity: 10,
        startsOn: '2027-01-01',
        endsOn: '2027-12-31',
        teacherIds: [expert.id],
      })
    ).id;
    await post(`/api/cohorts/${cohortId}/enrollments`, { userId: trainee.id });
  });

  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await api.close();
    await inbox.stop();
    delete process.env.SMTP_URL;
  });

  const schedule = async (startsAt: Date, title: string, timeZone = TORONTO): Promise<Session> => {
    const res = await api.http
      .post(`/api/cohorts/${cohortId}/sessions`)
      .auth(expert.token, { type: 'bearer' })
      .send({
        title,
        startsAt: DateTime.fromJSDate(startsAt, { zone: timeZone }).toISO(),
        durationMinutes: 60,
        mode: 'remote',
        timeZone,
      })
      .expect(201);
    return { id: res.body.items[0].id, startsAt: new Date(res.body.items[0].startsAt) };
  };

  async function settled(job: Job): Promise<unknown> {
    for (let i = 0; i < 300; i++) {
      const state = await job.getState();
      if (state === 'completed' || state === 'failed')
        return (await reminders.getJob(job.id as string))?.returnvalue;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`job ${job.id} did not finish`);
  }

  const fanOutJob = (session: Session, kind: ReminderKind) =>
    reminders.getJob(fanOutJobId(session.id, kind, session.startsAt));
  const reminderMails = (to: string, title: string) =>
    inbox
      .to(to)
      .filter(
        (m) =>
          subjectOf(m.raw).includes(title) &&
          !/déplacée|annulée|تغيير|إلغاء|Nouvelle séance|New session|حصة جديدة/.test(subjectOf(m.raw)),
      );
  const text = (mail: ReceivedMail) =>
    mimeParts(mail.raw).find((p) => p.contentType.startsWith('text/plain'))?.body ?? '';
  /** The .ics part, its folded lines unfolded (RFC 5545 §3.1). */
  const ics = (mail: ReceivedMail) => {
    const part = mimeParts(mail.raw).find((p) => p.contentType.startsWith('text/calendar'));
    return part && { ...part, body: part.body.replace(/\r\n[ \t]/g, '') };
  };

  let toronto: Session;
  let casablanca: Session;

  it('plans each reminder exactly 24 h and 15 min before the start, across the daylight-saving change of Toronto', async () => {
    const changeDay = onChangeDay(TORONTO, 18);
    toronto = await schedule(changeDay, 'Freins Toronto');
    const day = DateTime.fromJSDate(changeDay, { zone: TORONTO });
    casablanca = await schedule(
      DateTime.fromObject(
        { year: day.year, month: day.month, day: day.day, hour: 10 },
        { zone: CASABLANCA },
      ).toJSDate(),
      'Freins Casablanca',
      CASABLANCA,
    );
    // The day before, Toronto still had its other offset: a "same local time yesterday" would be an hour off.
    const start = DateTime.fromJSDate(toronto.startsAt, { zone: TORONTO });
    expect(start.minus({ hours: 24 }).offset).not.toBe(start.offset);
    // 10:00 in Casablanca is 10:00Z, whatever the season (no Ramadan switch any more).
    expect(casablanca.startsAt.toISOString().slice(11)).toBe('10:00:00.000Z');
    for (const session of [toronto, casablanca]) {
      for (const kind of KINDS) {
        const job = await fanOutJob(session, kind);
        expect(job).toBeDefined();
        expect(await job?.getState()).toBe('delayed');
        expect((job?.timestamp as number) + (job?.opts.delay as number)).toBe(
          session.startsAt.getTime() - REMINDER_LEADS_MS[kind],
        );
      }
    }
    expect(local(toronto.startsAt, TORONTO)).toBe('18:00');
    expect(local(casablanca.startsAt, CASABLANCA)).toBe('10:00');
  });

  it('sends one e-mail per reminder even when the same reminder is queued six times for two workers', async () => {
    const duplicates = await reminders.addBulk(
      Array.from({ length: 6 }, (_, i) => ({
        name: 'send',
        data: {
          step: 'send' as const,
          sessionId: casablanca.id,
          kind: '15m' as const,
          startsAt: casablanca.startsAt.toISOString(),
          userId: trainee.id,
        },
        opts: { jobId: `duplicate-${i}-${randomUUID()}` },
      })),
    );
    const outcomes = await Promise.all(duplicates.map(settled));
    expect(outcomes.filter((o) => o === null)).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'already sent')).toHaveLength(5);
    await inbox.waitFor((m) => m.to.includes(trainee.email));
    expect(reminderMails(trainee.email, 'Freins Casablanca')).toHaveLength(1);
  });

  it('delivers the promoted reminders in each recipient’s language and zone, with the .ics invitation, once each', async () => {
    for (const session of [toronto, casablanca])
      for (const kind of KINDS) await (await fanOutJob(session, kind))?.promote();
    // 2 sessions × 2 reminders × 2 people; the duplicate test above already sent one of them.
    await inbox.waitFor((m) => [expert.email, trainee.email].some((to) => m.to.includes(to)), 8);
    await new Promise((r) => setTimeout(r, 1000));
    for (const person of [expert, trainee]) {
      for (const session of [toronto, casablanca])
        expect(
          reminderMails(person.email, session === toronto ? 'Freins Toronto' : 'Freins Casablanca'),
        ).toHaveLength(2);
    }

    const [expert24] = reminderMails(expert.email, 'Freins Toronto').filter((m) =>
      subjectOf(m.raw).includes('24 heures'),
    );
    expect(subjectOf(expert24.raw)).toBe('Rappel : « Freins Toronto » commence dans 24 heures');
    expect(text(expert24)).toContain('Bonjour Youssef Alaoui');
    expect(text(expert24)).toContain(
      `${local(toronto.startsAt, TORONTO)} (${zoneAt(toronto.startsAt, TORONTO)})`,
    );
    expect(text(expert24)).toContain(`http://academy.test/sessions/${toronto.id}/classroom`);
    const invite = ics(expert24);
    expect(invite?.filename).toBe('invite.ics');
    expect(invite?.body).toContain('METHOD:REQUEST');
    expect(invite?.body).toContain(`UID:${toronto.id}`);
    expect(invite?.body).toContain(`DTSTART:${icsUtc(toronto.startsAt)}`);
    expect(invite?.body).toContain(`DTEND:${icsUtc(new Date(toronto.startsAt.getTime() + 3600_000))}`);
    expect(invite?.body).toContain('SUMMARY:Freins Toronto');
    expect(invite?.body).toContain(`URL:http://academy.test/sessions/${toronto.id}/classroom`);

    const [trainee15] = reminderMails(trainee.email, 'Freins Toronto').filter((m) =>
      subjectOf(m.raw).includes('15 دقيقة'),
    );
    expect(subjectOf(trainee15.raw)).toBe('تذكير: الحصة «Freins Toronto» تبدأ بعد 15 دقيقة');
    expect(text(trainee15)).toContain('مرحبا سلمى بنعلي');
    expect(text(trainee15)).toContain(`${local(toronto.startsAt, CASABLANCA)} (Casablanca, UTC+0)`);
    expect(mimeParts(trainee15.raw).find((p) => p.contentType.startsWith('text/html'))?.body).toContain(
      'dir="rtl"',
    );
    expect(ics(trainee15)?.body).toContain(`DTSTART:${icsUtc(toronto.startsAt)}`);

    const [traineeCasa] = reminderMails(trainee.email, 'Freins Casablanca').filter((m) =>
      subjectOf(m.raw).includes('24 ساعة'),
    );
    expect(text(traineeCasa)).toContain('10:00 (Casablanca, UTC+0)');
    const [expertCasa] = reminderMails(expert.email, 'Freins Casablanca').filter((m) =>
      subjectOf(m.raw).includes('15 minutes'),
    );
    expect(text(expertCasa)).toContain(
      `${local(casablanca.startsAt, TORONTO)} (${zoneAt(casablanca.startsAt, TORONTO)})`,
    );

    const bell = (
      await api.http.get('/api/me/notifications').auth(trainee.token, { type: 'bearer' }).expect(200)
    ).body;
    // The four reminders, beside the notices of the enrollment and of the two sessions' creation.
    expect(bell.unread).toBe(7);
    expect(bell.items.filter((n: { kind: string }) => n.kind === 'session-reminder')).toHaveLength(4);
    expect(bell.items[0]).toMatchObject({
      readAt: null,
      params: { title: expect.any(String), reminder: expect.stringMatching(/24h|15m/) },
    });
    await api.http
      .post('/api/me/notifications/read')
      .auth(trainee.token, { type: 'bearer' })
      .send({ ids: [bell.items[0].id] })
      .expect(200, { unread: 6 });
    await api.http
      .post('/api/me/notifications/read')
      .auth(trainee.token, { type: 'bearer' })
      .send({})
      .expect(200, { unread: 0 });
  });

  it('moves the reminders when the session is rescheduled, and a reminder planned for the old time sends nothing', async () => {
    const session = await schedule(
      DateTime.fromJSDate(toronto.startsAt).plus({ days: 20 }).toJSDate(),
      'Déplacée',
    );
    const moved = { id: session.id, startsAt: new Date(session.startsAt.getTime() + 2 * 24 * 3600_000) };
    await api.http
      .patch(`/api/sessions/${session.id}`)
      .auth(expert.token, { type: 'bearer' })
      .send({ startsAt: moved.startsAt.toISOString() })
      .expect(200);

    for (const kind of KINDS) {
      expect(await fanOutJob(session, kind)).toBeUndefined();
      const job = await fanOutJob(moved, kind);
      expect((job?.timestamp as number) + (job?.opts.delay as number)).toBe(
        moved.startsAt.getTime() - REMINDER_LEADS_MS[kind],
      );
    }
    const stale = await reminders.add(
      'fan-out',
      { step: 'fan-out', sessionId: session.id, kind: '24h', startsAt: session.startsAt.toISOString() },
      { jobId: `stale-${randomUUID()}` },
    );
    expect(await settled(stale)).toBe('session moved or cancelled');

    const notices = await inbox.waitFor(
      (m) => /déplacée : Déplacée|تغيير موعد الحصة: Déplacée/.test(subjectOf(m.raw)),
      2,
    );
    const invite = ics(notices[0]);
    expect(invite?.body).toContain('METHOD:REQUEST');
    expect(invite?.body).toContain(`DTSTART:${icsUtc(moved.startsAt)}`);
    expect(
      reminderMails(trainee.email, 'Déplacée').filter((m) => /Rappel|تذكير/.test(subjectOf(m.raw))),
    ).toHaveLength(0);
  });

  it('removes the reminders when the session is cancelled and sends the cancellation with METHOD:CANCEL', async () => {
    const session = await schedule(
      DateTime.fromJSDate(toronto.startsAt).plus({ days: 30 }).toJSDate(),
      'Annulée',
    );
    for (const kind of KINDS) expect(await fanOutJob(session, kind)).toBeDefined();
    await api.http
      .post(`/api/sessions/${session.id}/cancel`)
      .auth(expert.token, { type: 'bearer' })
      .expect(200);
    for (const kind of KINDS) expect(await fanOutJob(session, kind)).toBeUndefined();

    const [notice] = await inbox.waitFor(
      (m) => m.to.includes(trainee.email) && subjectOf(m.raw) === 'إلغاء الحصة: Annulée',
    );
    const invite = ics(notice);
    expect(invite?.contentType).toContain('method=CANCEL');
    expect(invite?.body).toContain('METHOD:CANCEL');
    expect(invite?.body).toContain(`UID:${session.id}`);
    expect(invite?.body).toContain('STATUS:CANCELLED');
    await inbox.waitFor(
      (m) => m.to.includes(expert.email) && subjectOf(m.raw) === 'Séance annulée : Annulée',
    );

    const bell = (
      await api.http
        .get('/api/me/notifications?pageSize=100')
        .auth(trainee.token, { type: 'bearer' })
        .expect(200)
    ).body;
    expect(bell.items[0]).toMatchObject({
      kind: 'session-cancelled',
      params: { sessionId: session.id, title: 'Annulée' },
    });
    // Unread since the bell was read: the move and the cancellation (beside the new sessions' notices).
    const changes = bell.items.filter(
      (n: { kind: string; readAt: string | null }) =>
        n.readAt === null && ['session-rescheduled', 'session-cancelled'].includes(n.kind),
    );
    expect(changes).toHaveLength(2);
  });
});
