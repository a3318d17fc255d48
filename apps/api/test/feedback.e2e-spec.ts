import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { QueueName, ReminderJob } from '@/core/queue/queue-name';
import { fanOutJobId } from '@/modules/notifications/reminders.service';
import { WorkerModule } from '@/worker.module';
import { createCohortWorld, type CohortWorld } from './support/cohort-world';
import { mimeParts, type ReceivedMail, SmtpInbox, subjectOf } from './support/smtp-inbox';
import { TestApp, type TestUser } from './support/test-app';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * The survey after a held session, through a real worker and SMTP server: the request planned at
 * the session's end and sent once to each trainee in their language, answers editable for 7 days,
 * aggregates anonymous to staff below 5 answers, authors only for an audited admin.
 */
describe('Session feedback (e2e)', () => {
  const inbox = new SmtpInbox();
  let sut: TestApp;
  let worker: INestApplicationContext;
  let reminders: Queue<ReminderJob>;
  let world: CohortWorld;
  let trainees: TestUser[];
  let session: { id: string; startsAt: string; endsAt: string };

  const as = (token: string) => ({
    get: (path: string) => sut.http.get(`/api${path}`).auth(token, { type: 'bearer' }),
    put: (path: string, body: object) =>
      sut.http.put(`/api${path}`).auth(token, { type: 'bearer' }).send(body),
  });
  const feedbackPath = () => `/sessions/${session.id}/feedback`;
  const answer = (who: TestUser, body: object) => as(who.token).put(feedbackPath(), body);
  /** Puts the session's end `ms` before now (its start 90 minutes earlier), as if that much time had passed. */
  const endedAgo = async (ms: number) => {
    const endsAt = new Date(Date.now() - ms);
    const startsAt = new Date(endsAt.getTime() - 90 * 60_000);
    await sut.dataSource.query(`UPDATE live_sessions SET starts_at = $2, ends_at = $3 WHERE id = $1`, [
      session.id,
      startsAt,
      endsAt,
    ]);
    session = { id: session.id, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() };
  };
  /** Read from the decoded parts: the raw text may be base64 or split by quoted-printable. */
  const isRequest = (mail: ReceivedMail) =>
    mimeParts(mail.raw).some((part) => part.body.includes(`/sessions/${session.id}/feedback`));
  const requestMails = () => inbox.mails.filter(isRequest);

  beforeAll(async () => {
    process.env.SMTP_URL = await inbox.start();
    sut = await TestApp.start();
    process.env.MRE_PROCESS = 'worker';
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    delete process.env.MRE_PROCESS;
    reminders = sut.app.get(getQueueToken(QueueName.Reminders));
    world = await createCohortWorld(sut, 6);
    trainees = world.trainees;
    for (const [trainee, locale] of [
      [trainees[0], 'ar'],
      [trainees[1], 'fr'],
      [trainees[2], 'en'],
    ] as const)
      await sut.http
        .patch(`/api/users/${trainee.id}`)
        .auth(world.admin, { type: 'bearer' })
        .send({ locale })
        .expect(200);
    const created = await sut.http
      .post(`/api/cohorts/${world.cohortId}/sessions`)
      .auth(world.expert.token, { type: 'bearer' })
      .send({
        title: 'Trains d’atterrissage',
        startsAt: new Date(Date.now() + 2 * DAY).toISOString(),
        durationMinutes: 90,
        mode: 'remote',
      })
      .expect(201);
    session = created.body.items[0];
  });

  afterAll(async () => {
    await worker.close();
    await sut.close();
    await inbox.stop();
    delete process.env.SMTP_URL;
  });

  it('plans the survey request at the session’s end, and takes no answer before it', async () => {
    const job = await reminders.getJob(fanOutJobId(session.id, 'feedback', new Date(session.startsAt)));
    expect(job?.data).toMatchObject({ step: 'fan-out', kind: 'feedback', sessionId: session.id });
    const runsAt = (job!.opts.timestamp ?? 0) + (job!.opts.delay ?? 0);
    expect(runsAt).toBe(Date.parse(session.endsAt));

    const early = await answer(trainees[0], { content: 5, clarity: 5, audioVideo: 5 }).expect(409);
    expect(early.body.code).toBe('feedback-not-open');
  });

  it('sends the request once to each trainee, in their language, in the bell and by e-mail', async () => {
    const planned = fanOutJobId(session.id, 'feedback', new Date(session.startsAt));
    await reminders.remove(planned);
    // The session ended an hour ago; its planned request is run now instead of waited for, twice.
    await endedAgo(HOUR);
    const data: ReminderJob = {
      step: 'fan-out',
      sessionId: session.id,
      kind: 'feedback',
      startsAt: session.startsAt,
    };
    await reminders.add('fan-out', data, {
      jobId: fanOutJobId(session.id, 'feedback', new Date(session.startsAt)),
    });
    await reminders.add('fan-out', data, { jobId: `${planned}-again` });

    await inbox.waitFor(isRequest, trainees.length);
    await new Promise((r) => setTimeout(r, 1500));
    const mails = requestMails();
    expect(mails).toHaveLength(trainees.length);
    expect(mails.flatMap((m) => m.to).sort()).toEqual(trainees.map((t) => t.email).sort());
    const mailOf = (who: TestUser) => mails.find((m) => m.to.includes(who.email))!;
    expect(subjectOf(mailOf(trainees[0]).raw)).toBe('رأيك في الحصة «Trains d’atterrissage»');
    expect(subjectOf(mailOf(trainees[1]).raw)).toBe('Votre avis sur la séance « Trains d’atterrissage »');
    expect(subjectOf(mailOf(trainees[2]).raw)).toBe('Your feedback on "Trains d’atterrissage"');
    const html = mimeParts(mailOf(trainees[0]).raw).find((p) => p.contentType.startsWith('text/html'));
    expect(html?.body).toContain('dir="rtl"');

    const bell = await as(trainees[0].token).get('/me/notifications').expect(200);
    const requests = bell.body.items.filter((n: { kind: string }) => n.kind === 'feedback-request');
    expect(requests).toHaveLength(1);
    expect(requests[0].params).toMatchObject({
      sessionId: session.id,
      title: 'Trains d’atterrissage',
      closesAt: new Date(Date.parse(session.endsAt) + 7 * DAY).toISOString(),
    });
    const expertBell = await as(world.expert.token).get('/me/notifications').expect(200);
    expect(expertBell.body.items.some((n: { kind: string }) => n.kind === 'feedback-request')).toBe(false);
  });

  it('keeps one answer per trainee, editable while open, and refuses bad ratings, staff and outsiders', async () => {
    const first = await answer(trainees[0], {
      content: 4,
      clarity: 5,
      audioVideo: 2,
      comment: 'Le son coupait souvent.',
    }).expect(200);
    expect(first.body).toMatchObject({
      sessionId: session.id,
      content: 4,
      clarity: 5,
      audioVideo: 2,
      comment: 'Le son coupait souvent.',
      closesAt: new Date(Date.parse(session.endsAt) + 7 * DAY).toISOString(),
    });
    await answer(trainees[0], {
      content: 5,
      clarity: 5,
      audioVideo: 3,
      comment: 'الصوت كان ينقطع أحيانا.',
    }).expect(200);
    const mine = await as(trainees[0].token).get(`${feedbackPath()}/mine`).expect(200);
    expect(mine.body).toMatchObject({ content: 5, audioVideo: 3, comment: 'الصوت كان ينقطع أحيانا.' });
    const [{ n }] = await sut.dataSource.query(
      'SELECT count(*)::int AS n FROM session_feedback WHERE session_id = $1',
      [session.id],
    );
    expect(n).toBe(1);

    for (const bad of [
      { content: 6, clarity: 5, audioVideo: 5 },
      { content: 0, clarity: 5, audioVideo: 5 },
      { content: 4.5, clarity: 5, audioVideo: 5 },
      { content: 4, clarity: 5 },
      { content: 4, clarity: 5, audioVideo: 5, comment: 'x'.repeat(1001) },
      { content: 4, clarity: 5, audioVideo: 5, anonymous: false },
    ])
      await answer(trainees[1], bad).expect(400);
    expect((await as(trainees[1].token).get(`${feedbackPath()}/mine`).expect(404)).body.code).toBe(
      'feedback-not-found',
    );
    const staff = await answer(world.expert, { content: 5, clarity: 5, audioVideo: 5 }).expect(403);
    expect(staff.body.code).toBe('feedback-trainees-only');
    await answer(world.coordinator, { content: 5, clarity: 5, audioVideo: 5 }).expect(403);
    await answer(world.outsider, { content: 1, clarity: 1, audioVideo: 1 }).expect(404);
    await as(world.outsider.token).get(`${feedbackPath()}/mine`).expect(404);
    await as(world.outsider.token).get(feedbackPath()).expect(404);
  });

  it('shows staff counts only below 5 answers, then averages and comments without names', async () => {
    await answer(trainees[1], { content: 3, clarity: 4, audioVideo: 5, comment: 'Très clair.' }).expect(200);
    await answer(trainees[2], { content: 4, clarity: 4, audioVideo: 4 }).expect(200);
    await answer(trainees[3], { content: 2, clarity: 3, audioVideo: 1, comment: '  ' }).expect(200);
    const four = await as(world.expert.token).get(feedbackPath()).expect(200);
    expect(four.body).toMatchObject({ answers: 4, threshold: 5, averages: null, comments: null });
    expect(JSON.stringify(four.body)).not.toContain('Très clair');
    await as(world.coordinator.token).get(feedbackPath()).expect(200);
    expect((await as(trainees[0].token).get(feedbackPath()).expect(403)).body.code).toBe(
      'feedback-staff-only',
    );
    await as(world.expert.token).get(`${feedbackPath()}?withAuthors=true`).expect(403);

    await answer(trainees[4], { content: 1, clarity: 4, audioVideo: 2, comment: 'À refaire.' }).expect(200);
    const five = await as(world.expert.token).get(feedbackPath()).expect(200);
    // content (5+3+4+2+1)/5, clarity (5+4+4+3+4)/5, audio/video (3+5+4+1+2)/5
    expect(five.body).toMatchObject({ answers: 5, averages: { content: 3, clarity: 4, audioVideo: 3 } });
    expect(five.body.comments).toHaveLength(3);
    expect(five.body.comments).toEqual(
      expect.arrayContaining([
        { comment: 'À refaire.' },
        { comment: 'Très clair.' },
        { comment: 'الصوت كان ينقطع أحيانا.' },
      ]),
    );
    expect(JSON.stringify(five.body)).not.toMatch(/Trainee \d|authorId/);
  });

  it('lets an admin see who wrote each comment, and audits that look', async () => {
    const view = await as(world.admin).get(`${feedbackPath()}?withAuthors=true`).expect(200);
    expect(view.body.comments).toContainEqual({
      comment: 'الصوت كان ينقطع أحيانا.',
      authorId: trainees[0].id,
      authorName: expect.stringMatching(/^Trainee 1 /),
    });
    const audit = await as(world.admin).get(`/audit?entity=session&entityId=${session.id}`).expect(200);
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({ action: 'feedback.authors-viewed', data: { answers: 5, comments: 3 } }),
    );
    await as(world.admin).get(`${feedbackPath()}?withAuthors=maybe`).expect(400);
  });

  it('closes 7 days after the session ended: answers and edits get 409, what was given stays', async () => {
    // Ended 7 days less 5 minutes ago: still open.
    await endedAgo(7 * DAY - 5 * 60_000);
    await answer(trainees[5], { content: 5, clarity: 5, audioVideo: 5 }).expect(200);
    await endedAgo(7 * DAY + 60_000);
    const late = await answer(trainees[5], { content: 1, clarity: 1, audioVideo: 1 }).expect(409);
    expect(late.body).toMatchObject({
      code: 'feedback-closed',
      details: { closedAt: new Date(Date.parse(session.endsAt) + 7 * DAY).toISOString() },
    });
    await answer(trainees[0], { content: 1, clarity: 1, audioVideo: 1 }).expect(409);
    expect((await as(trainees[5].token).get(`${feedbackPath()}/mine`).expect(200)).body.content).toBe(5);
    expect((await as(world.expert.token).get(feedbackPath()).expect(200)).body.answers).toBe(6);
  });
});
