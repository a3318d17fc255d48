import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import ICAL from 'ical.js';
import type { Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { NoticeDigestJob, QueueName } from '@/core/queue/queue-name';
import { NoticeDigestService } from '@/modules/notifications/notice-digest.service';
import { WAITING_QUESTIONS_SCHEDULER_ID } from '@/modules/cohort-board/jobs/tell-waiting-questions.job';
import { WaitingQuestionsService } from '@/modules/cohort-board/waiting-questions.service';
import { WorkerModule } from '@/worker.module';
import { mimeParts, type ReceivedMail, SmtpInbox, subjectOf } from './support/smtp-inbox';
import { TestApp, TestUser } from './support/test-app';

const HOUR = 3_600_000;
const CASABLANCA = 'Africa/Casablanca';
const PARIS = 'Europe/Paris';
const TORONTO = 'America/Toronto';

const textOf = (mail: ReceivedMail) =>
  mimeParts(mail.raw).find((p) => p.contentType.startsWith('text/plain'))?.body ?? '';
const calendarsOf = (mail: ReceivedMail) =>
  mimeParts(mail.raw).filter((p) => p.contentType.startsWith('text/calendar'));
/** "10:00": the hour a French or Arabic e-mail shows for an instant in a zone. */
const hourIn = (instant: Date, zone: string) => DateTime.fromJSDate(instant, { zone }).toFormat('HH:mm');
/** The next 09:00 in Casablanca at least two days ahead. */
const nextNine = (daysAhead: number) =>
  DateTime.now()
    .setZone(CASABLANCA)
    .plus({ days: daysAhead })
    .set({ hour: 9, minute: 0, second: 0, millisecond: 0 });

/**
 * Notices through the one entry point (NotificationsService.add): each kind of change made through
 * the HTTP API gives the person concerned one in-app notice and exactly one e-mail, through a real
 * SMTP server, in their language and zone; their choices (off, digest) are honoured, and the daily
 * digest lists what it held once.
 */
describe('Notices of every change that concerns a person (e2e)', () => {
  const inbox = new SmtpInbox();
  let api: TestApp;
  let worker: INestApplicationContext;
  let admin: string;
  let adminId: string;
  let expert: TestUser;
  let salma: TestUser; // Arabic, Casablanca
  let elodie: TestUser; // French, Paris
  let karim: TestUser; // French, Casablanca: on the waitlist first
  let centreId: string;
  let courseId: string;
  let cohortId: string;
  let cohortName: string;
  let firstSession: Date;

  const as = (token: string) => ({
    get: (path: string) => api.http.get(`/api${path}`).auth(token, { type: 'bearer' }),
    post: (path: string, body: object = {}) =>
      api.http.post(`/api${path}`).auth(token, { type: 'bearer' }).send(body),
    put: (path: string, body: object) =>
      api.http.put(`/api${path}`).auth(token, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) =>
      api.http.patch(`/api${path}`).auth(token, { type: 'bearer' }).send(body),
    delete: (path: string) => api.http.delete(`/api${path}`).auth(token, { type: 'bearer' }),
  });

  /** Waits for the e-mail of that subject to that person, then checks that no second one comes. */
  async function onlyMail(person: TestUser, subject: string): Promise<ReceivedMail> {
    const match = (m: ReceivedMail) => m.to.includes(person.email) && subjectOf(m.raw) === subject;
    await inbox.waitFor(match);
    await new Promise((r) => setTimeout(r, 400));
    const found = inbox.mails.filter(match);
    expect(found).toHaveLength(1);
    return found[0];
  }

  const subjectsTo = (person: TestUser) => inbox.to(person.email).map((m) => subjectOf(m.raw));

  async function notices(person: TestUser, kind: string) {
    const list = (await as(person.token).get('/me/notifications?pageSize=100').expect(200)).body;
    return (list.items as { kind: string; params: Record<string, unknown> }[]).filter((n) => n.kind === kind);
  }

  /** Lets queued mail jobs run, so that an e-mail that should not come would have come. */
  const settle = () => new Promise((r) => setTimeout(r, 1500));

  beforeAll(async () => {
    process.env.SMTP_URL = await inbox.start();
    api = await TestApp.start();
    process.env.MRE_PROCESS = 'worker';
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    delete process.env.MRE_PROCESS;
    admin = await api.adminToken();
    adminId = (await as(admin).get('/me').expect(200)).body.id;
    const tag = randomUUID().slice(0, 8);
    const network = (
      await as(admin)
        .post('/networks', { name: `Réseau ${tag}`, country: 'Canada', sectorCodes: ['aeronautics'] })
        .expect(201)
    ).body;
    centreId = (
      await as(admin)
        .post('/centres', { name: `Salé ${tag}`, city: 'Salé' })
        .expect(201)
    ).body.id;
    courseId = (
      await as(admin)
        .post('/courses', {
          code: `NOT-${tag}`,
          title: { fr: 'Câblage aéronautique', ar: 'الأسلاك في الطائرات' },
          sectorCode: 'aeronautics',
          networkId: network.id,
          format: 'remote',
          durationHours: 20,
          status: 'published',
        })
        .expect(201)
    ).body.id;
    expert = await api.createUser('expert', { networkId: network.id, timeZone: TORONTO, locale: 'en' });
    salma = await api.createUser('trainee', {
      fullName: 'سلمى بنعلي',
      locale: 'ar',
      timeZone: CASABLANCA,
      centreId,
    });
    elodie = await api.createUser('trainee', {
      fullName: 'Élodie Martin',
      locale: 'fr',
      timeZone: PARIS,
      centreId,
    });
    karim = await api.createUser('trainee', {
      fullName: 'Karim Alaoui',
      locale: 'fr',
      timeZone: CASABLANCA,
      centreId,
    });
    cohortName = `Cohorte Salé ${tag}`;
    cohortId = (
      await as(admin)
        .post('/cohorts', {
          courseId,
          name: cohortName,
          kind: 'trainees',
          centreId,
          capacity: 2,
          startsOn: '2026-01-01',
          endsOn: '2027-12-31',
          teacherIds: [expert.id],
        })
        .expect(201)
    ).body.id;
    firstSession = nextNine(3).toJSDate();
    await as(expert.token)
      .post(`/cohorts/${cohortId}/sessions`, {
        title: 'Ouverture',
        startsAt: firstSession.toISOString(),
        durationMinutes: 60,
        mode: 'remote',
      })
      .expect(201);
  }, 60_000);

  afterAll(async () => {
    await worker.close();
    await api.close();
    await inbox.stop();
  });

  it('answers each person their choices per kind, defaults first, and refuses an unknown kind or mode with its code', async () => {
    const mine = (await as(salma.token).get('/me/notification-preferences').expect(200)).body;
    expect(mine.items).toEqual(
      expect.arrayContaining([
        { kind: 'enrolled', email: 'immediate', isDefault: true },
        { kind: 'recording-available', email: 'digest', isDefault: true },
      ]),
    );
    expect(mine.items.map((i: { kind: string }) => i.kind)).not.toContain('session-reminder');
    // What only staff hear of is neither listed for a trainee nor theirs to choose; a teacher has it.
    expect(mine.items.map((i: { kind: string }) => i.kind)).not.toContain('question-waiting');
    await as(salma.token)
      .put('/me/notification-preferences', { items: [{ kind: 'question-waiting', email: 'off' }] })
      .expect(400);
    const teachers = (await as(expert.token).get('/me/notification-preferences').expect(200)).body;
    expect(teachers.items).toContainEqual({ kind: 'question-waiting', email: 'immediate', isDefault: true });
    const bad = await as(salma.token)
      .put('/me/notification-preferences', { items: [{ kind: 'nonsense', email: 'off' }] })
      .expect(400);
    expect(bad.body.code).toBe('notification-kind-unknown');
    const badMode = await as(salma.token)
      .put('/me/notification-preferences', { items: [{ kind: 'enrolled', email: 'weekly' }] })
      .expect(400);
    expect(badMode.body.code).toBe('email-mode-unknown');
    await as(salma.token)
      .put('/me/notification-preferences', { items: [{ kind: 'enrolled', email: 'off', extra: 1 }] })
      .expect(400);
    await api.http.get('/api/me/notification-preferences').expect(401);

    // Salma will not want e-mails about moved sessions; Karim wants cancellations in the digest.
    const saved = (
      await as(salma.token)
        .put('/me/notification-preferences', { items: [{ kind: 'session-rescheduled', email: 'off' }] })
        .expect(200)
    ).body;
    expect(saved.items).toContainEqual({ kind: 'session-rescheduled', email: 'off', isDefault: false });
    await as(karim.token)
      .put('/me/notification-preferences', { items: [{ kind: 'session-cancelled', email: 'digest' }] })
      .expect(200);
  });

  it('enrolled: each trainee gets one e-mail in their language with the first session in their zone, and the notice carries the cohort', async () => {
    await as(admin).post(`/cohorts/${cohortId}/enrollments`, { userId: salma.id }).expect(201);
    await as(admin).post(`/cohorts/${cohortId}/enrollments`, { userId: elodie.id }).expect(201);
    const arabic = await onlyMail(salma, `تم تسجيلك في ${cohortName}`);
    expect(textOf(arabic)).toContain('«الأسلاك في الطائرات»');
    expect(textOf(arabic)).toContain(`(Casablanca, UTC+0)`);
    expect(mimeParts(arabic.raw).find((p) => p.contentType.startsWith('text/html'))?.body).toContain(
      '<html lang="ar" dir="rtl">',
    );
    const french = await onlyMail(elodie, `Inscription confirmée : ${cohortName}`);
    expect(textOf(french)).toContain('« Câblage aéronautique »');
    expect(textOf(french)).toContain(hourIn(firstSession, PARIS));
    expect(textOf(french)).toContain('(Paris, UTC+1)');
    expect(textOf(french)).toContain('/my-courses');
    // The cohort's sessions as one calendar feed: the person's own secret link, read by ical.js.
    const feed = /http:\/\/academy\.test(\/api\/calendar\/[\w-]+\.ics\?cohort=[\w-]+)/.exec(textOf(french));
    expect(feed?.[1]).toContain(`?cohort=${cohortId}`);
    const ics = await api.http.get(feed?.[1] as string).expect(200);
    const events = new ICAL.Component(ICAL.parse(ics.text)).getAllSubcomponents('vevent');
    expect(events.map((event) => new ICAL.Event(event).startDate.toJSDate())).toEqual([firstSession]);
    const [notice] = await notices(salma, 'enrolled');
    expect(notice.params).toMatchObject({ cohortId, cohortName, firstStartsAt: firstSession.toISOString() });
  });

  it('waitlisted gets no enrolled notice; a withdrawal tells the person withdrawn and the first in line promoted', async () => {
    const waiting = await as(admin)
      .post(`/cohorts/${cohortId}/enrollments`, { userId: karim.id })
      .expect(201);
    expect(waiting.body.status).toBe('waitlisted');
    await as(admin).delete(`/cohorts/${cohortId}/enrollments/${elodie.id}`).expect(200);
    const withdrawn = await onlyMail(elodie, `Inscription retirée : ${cohortName}`);
    expect(textOf(withdrawn)).toContain('Vous n’êtes plus inscrit(e)');
    await onlyMail(karim, `Une place s’est libérée : ${cohortName}`);
    expect(await notices(karim, 'enrolled')).toHaveLength(0);
    expect(await notices(karim, 'waitlist-promoted')).toHaveLength(1);
    expect(await notices(elodie, 'withdrawn')).toHaveLength(1);
  });

  let series: { id: string; startsAt: string }[];

  it('session-created: a single session is one e-mail with its hour in the reader’s zone and one invitation', async () => {
    // Created in beforeAll by the expert in Toronto, who teaches the cohort (nobody was enrolled yet).
    const english = await onlyMail(expert, 'New session: Ouverture');
    const toronto = DateTime.fromJSDate(firstSession, { zone: TORONTO });
    expect(textOf(english)).toContain(
      `at ${toronto.toFormat('h:mm a')} (Toronto, UTC${toronto.toFormat('Z')})`,
    );
    expect(calendarsOf(english)).toHaveLength(1);
  });

  it('session-created: a weekly series is one notice and one e-mail per person, listing the sessions in their zone with an invitation each', async () => {
    const start = nextNine(10);
    series = (
      await as(expert.token)
        .post(`/cohorts/${cohortId}/sessions`, {
          title: 'Faisceaux',
          titles: { fr: 'Faisceaux', ar: 'الحزم' },
          startsAt: start.toISO(),
          durationMinutes: 90,
          mode: 'remote',
          repeatWeeks: 3,
          timeZone: CASABLANCA,
        })
        .expect(201)
    ).body.items;
    const arabic = await onlyMail(salma, 'حصة جديدة: الحزم');
    expect(textOf(arabic)).toContain('تمت برمجة 3 حصص «الحزم»');
    expect(calendarsOf(arabic)).toHaveLength(3);
    await onlyMail(karim, 'Nouvelle séance : Faisceaux');
    const english = await onlyMail(expert, 'New session: Faisceaux');
    // The teacher in Toronto reads the hour in Toronto, with the session's own wall clock beside it.
    const toronto = DateTime.fromISO(series[0].startsAt, { zone: TORONTO });
    expect(textOf(english)).toContain(
      `at ${toronto.toFormat('h:mm a')} (Toronto, UTC${toronto.toFormat('Z')}) — 9:00 AM (Casablanca, UTC+0)`,
    );
    const [notice] = await notices(salma, 'session-created');
    expect(notice.params).toMatchObject({ sessions: 3, sessionId: series[0].id });
  });

  it('session-rescheduled: off means the notice in-app and no e-mail; the others get theirs', async () => {
    const moved = new Date(new Date(series[0].startsAt).getTime() + HOUR);
    await as(expert.token).patch(`/sessions/${series[0].id}`, { startsAt: moved.toISOString() }).expect(200);
    const french = await onlyMail(karim, 'Séance déplacée : Faisceaux');
    expect(textOf(french)).toContain(`${hourIn(moved, CASABLANCA)} (Casablanca, UTC+0)`);
    await settle();
    expect(subjectsTo(salma).filter((s) => s.startsWith('تغيير موعد'))).toHaveLength(0);
    expect(await notices(salma, 'session-rescheduled')).toHaveLength(1);
  });

  it('session-cancelled: digest means no e-mail now, then one digest at 07:00 in the person’s zone, never twice', async () => {
    // Two cancellations: the digest lists both, in the order they happened.
    for (const [session, reason] of [
      [series[2], 'Expert en déplacement'],
      [series[1], 'Atelier fermé'],
    ] as const) {
      await as(expert.token).post(`/sessions/${session.id}/cancel`, { reason }).expect(200);
      const arabic = await onlyMail(salma, 'إلغاء الحصة: الحزم');
      expect(calendarsOf(arabic)[0].body).toContain('METHOD:CANCEL');
      inbox.mails.splice(inbox.mails.indexOf(arabic), 1);
    }
    await settle();
    expect(subjectsTo(karim).filter((s) => s.startsWith('Séance annulée'))).toHaveLength(0);
    expect(await notices(karim, 'session-cancelled')).toHaveLength(2);

    const digests = worker.get(NoticeDigestService);
    const tomorrow = DateTime.now().setZone(CASABLANCA).plus({ days: 1 });
    // 06:00 in Casablanca: not yet; 07:00: the digest.
    await digests.sendDue(tomorrow.set({ hour: 6, minute: 0 }).toJSDate());
    await settle();
    expect(subjectsTo(karim).filter((s) => s.startsWith('Votre résumé'))).toHaveLength(0);
    const seven = tomorrow.set({ hour: 7, minute: 0 }).toJSDate();
    // The worker's own job, as its quarter-hourly schedule runs it, for that instant.
    const queue: Queue<NoticeDigestJob> = api.app.get(getQueueToken(QueueName.NoticeDigest));
    await queue.add('digest', { at: seven.toISOString() });
    const digest = await onlyMail(karim, 'Votre résumé du jour : 2 avis');
    const lines = textOf(digest)
      .split('\n')
      .filter((line) => line.startsWith('• '))
      .map((line) => line.trimEnd());
    // In the order they happened, each saying which session, in the person's zone.
    const day = (session: { startsAt: string }) =>
      DateTime.fromISO(session.startsAt, { zone: CASABLANCA }).setLocale('fr').toFormat('cccc d MMMM yyyy');
    expect(lines).toEqual([
      expect.stringMatching(
        /^• Séance annulée : Faisceaux — La séance « Faisceaux » prévue le .+ est annulée\.$/,
      ),
      expect.stringMatching(
        /^• Séance annulée : Faisceaux — La séance « Faisceaux » prévue le .+ est annulée\.$/,
      ),
    ]);
    expect(lines[0]).toContain(day(series[2]));
    expect(lines[1]).toContain(day(series[1]));
    // The same quarter again, or the next day: nothing left to list.
    await digests.sendDue(seven);
    await digests.sendDue(tomorrow.plus({ days: 1 }).set({ hour: 7, minute: 5 }).toJSDate());
    await settle();
    expect(subjectsTo(karim).filter((s) => s.startsWith('Votre résumé'))).toHaveLength(1);
  });

  it('certificate-issued and certificate-revoked: the trainee gets each once, in their language', async () => {
    const past = (
      await as(admin)
        .post('/cohorts', {
          courseId,
          name: `${cohortName} (2025)`,
          kind: 'trainees',
          centreId,
          capacity: 5,
          startsOn: '2025-01-01',
          endsOn: '2025-06-30',
          teacherIds: [expert.id],
        })
        .expect(201)
    ).body.id;
    await as(admin).post(`/cohorts/${past}/enrollments`, { userId: salma.id }).expect(201);
    const sessionId = randomUUID();
    const startsAt = new Date(Date.UTC(2025, 2, 3, 9));
    await api.dataSource.query(
      `INSERT INTO live_sessions (id, cohort_id, title, starts_at, ends_at, local_start, time_zone, mode, status, room_name, created_by)
       VALUES ($1, $2, 'Séance', $3, $4, $5, 'UTC', 'remote', 'scheduled', $6, $7)`,
      [
        sessionId,
        past,
        startsAt,
        new Date(startsAt.getTime() + HOUR),
        startsAt.toISOString().slice(0, 23),
        `mre-${sessionId}`,
        adminId,
      ],
    );
    await api.dataSource.query(
      `INSERT INTO attendance_segments (session_id, participant_sid, user_id, joined_at, left_at) VALUES ($1, $2, $3, $4, $5)`,
      [sessionId, `PA_${randomUUID()}`, salma.id, startsAt, new Date(startsAt.getTime() + HOUR)],
    );
    await as(admin).post(`/cohorts/${past}/certificates`).expect(202);
    const issued = await onlyMail(salma, 'شهادتك جاهزة: الأسلاك في الطائرات');
    const [certificate] = (await as(salma.token).get('/me/certificates').expect(200)).body.items;
    expect(textOf(issued)).toContain(certificate.code);
    expect(await notices(salma, 'certificate-issued')).toHaveLength(1);

    await as(admin)
      .post(`/certificates/${certificate.id}/revoke`, { reason: 'Erreur de saisie' })
      .expect(200);
    const revoked = await onlyMail(salma, 'تم إلغاء شهادتك: الأسلاك في الطائرات');
    expect(textOf(revoked)).toContain('Erreur de saisie');
    const [notice] = await notices(salma, 'certificate-revoked');
    expect(notice.params).toMatchObject({ certificateId: certificate.id, code: certificate.code });
  });

  it('quiz-opened: told at once when the window is open already, else when it opens', async () => {
    await as(admin)
      .patch(`/courses/${courseId}`, { expertIds: [expert.id] })
      .expect(200);
    const moduleId = (
      await as(admin)
        .post(`/courses/${courseId}/modules`, { title: { fr: 'Module 1' }, position: 1 })
        .expect(201)
    ).body.id;
    const quiz = async (fr: string, ar: string) =>
      (
        await as(expert.token)
          .post(`/courses/${courseId}/modules/${moduleId}/quizzes`, {
            title: { fr, ar },
            purpose: 'post-test',
            passPercent: 60,
            questions: [{ kind: 'true-false', prompt: { fr: 'On coupe le courant ?' }, correct: true }],
          })
          .expect(201)
      ).body.id as string;
    const now = await quiz('Sécurité', 'السلامة');
    const closesAt = nextNine(20).toJSDate();
    await as(expert.token)
      .put(`/cohorts/${cohortId}/quizzes/${now}`, {
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: closesAt.toISOString(),
      })
      .expect(200);
    const arabic = await onlyMail(salma, 'الاختبار مفتوح: السلامة');
    expect(textOf(arabic)).toContain('(Casablanca, UTC+0)');
    await onlyMail(karim, 'Quiz ouvert : Sécurité');
    expect(await notices(elodie, 'quiz-opened')).toHaveLength(0);

    const later = await quiz('Outillage', 'الأدوات');
    await as(expert.token)
      .put(`/cohorts/${cohortId}/quizzes/${later}`, { opensAt: new Date(Date.now() + 2500).toISOString() })
      .expect(200);
    await settle();
    expect(subjectsTo(karim)).not.toContain('Quiz ouvert : Outillage');
    await onlyMail(karim, 'Quiz ouvert : Outillage');
    await onlyMail(salma, 'الاختبار مفتوح: الأدوات');
  });

  it('announcement-posted and question-answered: the cohort hears of an announcement, the asker of an answer, each once with a link to the board', async () => {
    await as(expert.token)
      .post(`/cohorts/${cohortId}/announcements`, {
        title: 'Atelier samedi',
        body: 'Apportez vos **gants**.',
      })
      .expect(201);
    const arabic = await onlyMail(salma, 'إعلان جديد: Atelier samedi');
    expect(textOf(arabic)).toContain(`http://academy.test/cohort-board/${cohortId}`);
    expect(textOf(arabic)).toContain(`لفوجكم «${cohortName}»`);
    await onlyMail(karim, 'Nouvelle annonce : Atelier samedi');
    // The author is not told of their own announcement, nor is a withdrawn trainee.
    expect(await notices(expert, 'announcement-posted')).toHaveLength(0);
    expect(await notices(elodie, 'announcement-posted')).toHaveLength(0);

    const question = (
      await as(salma.token).post(`/cohorts/${cohortId}/questions`, { body: 'Quels gants ?' }).expect(201)
    ).body;
    await as(expert.token)
      .post(`/questions/${question.id}/answers`, { body: 'Des gants isolants.' })
      .expect(201);
    const answered = await onlyMail(salma, 'وصلت إجابة على سؤالك');
    expect(textOf(answered)).toContain(`/cohort-board/${cohortId}`);
    expect(subjectsTo(karim)).not.toContain('Votre question a reçu une réponse');

    // A second answer, from another trainee, is news too: the asker gets a second e-mail.
    await as(karim.token)
      .post(`/questions/${question.id}/answers`, { body: 'Classe 00 au moins.' })
      .expect(201);
    await inbox.waitFor((m) => m.to.includes(salma.email) && subjectOf(m.raw) === 'وصلت إجابة على سؤالك', 2);
    expect(await notices(salma, 'question-answered')).toHaveLength(2);
  });

  it('question-waiting: a question left 48 hours without a visible answer is told once to the teachers and the centre’s coordinator', async () => {
    const coordinator = await api.createUser('coordinator', { centreId, locale: 'fr', timeZone: CASABLANCA });
    const ask = async (body: string) =>
      (await as(salma.token).post(`/cohorts/${cohortId}/questions`, { body }).expect(201)).body.id as string;
    const waiting = await ask('Faut-il un multimètre pour la séance pratique ?');
    const answered = await ask('Où trouver le schéma du faisceau ?');
    // Asked just now: not waiting yet.
    await ask('Combien de temps dure l’examen ?');
    await as(expert.token)
      .post(`/questions/${answered}/answers`, { body: 'Dans les fichiers du module 2.' })
      .expect(201);
    const before = new Date(Date.now() - 49 * HOUR);
    await api.dataSource.query('UPDATE cohort_questions SET created_at = $1 WHERE id = ANY($2)', [
      before,
      [waiting, answered],
    ]);

    // The worker runs it every hour (the schedule it set at start); here it runs at once.
    const queue: Queue = worker.get(getQueueToken(QueueName.BoardWaiting));
    expect(await queue.getJobScheduler(WAITING_QUESTIONS_SCHEDULER_ID)).toMatchObject({
      pattern: '20 * * * *',
    });
    const waitingQuestions = worker.get(WaitingQuestionsService);
    // Of this cohort, only the old question nobody answered (not the answered one, nor the one asked
    // just now); questions other test files left in the shared database may be told too.
    const told = await waitingQuestions.tellStaff();
    expect(told).toContain(waiting);
    expect(told).not.toContain(answered);
    expect(await notices(expert, 'question-waiting')).toHaveLength(1);
    const english = await onlyMail(expert, `Question waiting for an answer: ${cohortName}`);
    expect(textOf(english)).toContain('"Faut-il un multimètre pour la séance pratique ?"');
    expect(textOf(english)).toContain(`/cohort-board/${cohortId}?tab=questions`);
    await onlyMail(coordinator, `Question sans réponse : ${cohortName}`);
    const [notice] = await notices(coordinator, 'question-waiting');
    expect(notice.params).toMatchObject({ cohortId, questionId: waiting, cohortName });
    // Nobody else hears of it, and a second run tells nobody again.
    expect(await notices(salma, 'question-waiting')).toHaveLength(0);
    expect(await waitingQuestions.tellStaff()).not.toContain(waiting);
    await settle();
    expect(
      inbox.mails.filter(
        (m) => subjectOf(m.raw).endsWith(cohortName) && subjectOf(m.raw).startsWith('Question'),
      ),
    ).toHaveLength(2);
    expect(await notices(expert, 'question-waiting')).toHaveLength(1);
  });
});
