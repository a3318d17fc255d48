import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { WorkerModule } from '@/worker.module';
import { createCohortWorld, type CohortWorld } from './support/cohort-world';
import { TestApp, type TestUser } from './support/test-app';

const HOUR = 3600_000;

/** Three true/false questions worth 59, 1 and 40 points: right on the first only is 59 %, on the first two 60 %. */
const finalQuiz = (purpose: string) => ({
  title: { fr: `Examen ${purpose}` },
  purpose,
  passPercent: 60,
  questions: [
    { kind: 'true-false', prompt: { fr: 'Le frein se purge moteur coupé.' }, correct: true, points: 59 },
    { kind: 'true-false', prompt: { fr: 'Le couple se vérifie à froid.' }, correct: true, points: 1 },
    { kind: 'true-false', prompt: { fr: 'Un joint se réutilise.' }, correct: false, points: 40 },
  ],
});

/**
 * The certificate rule "passed the final quiz": with it, attendance alone is not enough; a passed
 * attempt at a `final` quiz opened for the cohort is, at the pass mark exactly and not one point below,
 * and the certificate's audit evidence names that attempt. A pass stays earned when the quiz is taken
 * off the cohort's list afterwards; a timed attempt the trainee left open past its deadline counts
 * with the answers they saved, for the certificate and for the learning gain alike.
 */
describe('Certificates that require the final quiz (e2e)', () => {
  let sut: TestApp;
  let worker: INestApplicationContext;
  let world: CohortWorld;
  let atMark: TestUser;
  let justBelow: TestUser;
  let practiceOnly: TestUser;
  let leftOpen: TestUser;
  let finalQuizId: string;
  const attemptIds = new Map<string, string>();

  const as = (token: string) => ({
    get: (path: string) => sut.http.get(`/api${path}`).auth(token, { type: 'bearer' }),
    post: (path: string, body: object = {}) =>
      sut.http.post(`/api${path}`).auth(token, { type: 'bearer' }).send(body),
    put: (path: string, body: object) =>
      sut.http.put(`/api${path}`).auth(token, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) =>
      sut.http.patch(`/api${path}`).auth(token, { type: 'bearer' }).send(body),
    delete: (path: string) => sut.http.delete(`/api${path}`).auth(token, { type: 'bearer' }),
  });

  /** Writes a quiz (with a time limit if given) and opens it for the cohort until `closesAt`. */
  async function openQuiz(
    purpose: string,
    options: { timeLimitMinutes?: number; closesAt?: Date } = {},
  ): Promise<{ id: string; questions: { id: string }[] }> {
    const moduleId = (
      await as(world.admin)
        .post(`/courses/${world.courseId}/modules`, { title: { fr: `Module ${purpose}` }, position: 1 })
        .expect(201)
    ).body.id;
    const quiz = (
      await as(world.expert.token)
        .post(`/courses/${world.courseId}/modules/${moduleId}/quizzes`, {
          ...finalQuiz(purpose),
          ...(options.timeLimitMinutes ? { timeLimitMinutes: options.timeLimitMinutes } : {}),
        })
        .expect(201)
    ).body;
    await as(world.expert.token)
      .put(`/cohorts/${world.cohortId}/quizzes/${quiz.id}`, {
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: options.closesAt?.toISOString() ?? null,
      })
      .expect(200);
    return quiz;
  }

  /**
   * The trainee starts a timed quiz, saves these answers and leaves; the clock then passes the
   * attempt's deadline without anyone opening it again. Answers the attempt as it was started.
   */
  async function leaveOpen(
    quiz: { id: string; questions: { id: string }[] },
    trainee: TestUser,
    given: boolean[],
  ): Promise<{ id: string; startedAt: string; deadlineAt: string }> {
    const attempt = (
      await as(trainee.token).post(`/cohorts/${world.cohortId}/quizzes/${quiz.id}/attempts`).expect(201)
    ).body;
    await as(trainee.token)
      .put(`/attempts/${attempt.id}/answers`, {
        answers: Object.fromEntries(quiz.questions.map((q, i) => [q.id, given[i]])),
      })
      .expect(200);
    await sut.dataSource.query(
      `UPDATE quiz_attempts SET started_at = now() - interval '2 hours', deadline_at = now() - interval '1 minute' WHERE id = $1`,
      [attempt.id],
    );
    return attempt;
  }

  /** Writes a quiz, opens it for the cohort, and has each trainee answer true/false as given. */
  async function takeQuiz(purpose: string, answers: Map<TestUser, boolean[]>): Promise<void> {
    const quiz = await openQuiz(purpose);
    if (purpose === 'final') finalQuizId = quiz.id;
    for (const [trainee, given] of answers) {
      const attempt = (
        await as(trainee.token).post(`/cohorts/${world.cohortId}/quizzes/${quiz.id}/attempts`).expect(201)
      ).body;
      const byQuestion = Object.fromEntries(
        quiz.questions.map((q: { id: string }, i: number) => [q.id, given[i]]),
      );
      await as(trainee.token).post(`/attempts/${attempt.id}/submit`, { answers: byQuestion }).expect(200);
      if (purpose === 'final') attemptIds.set(trainee.id, attempt.id);
    }
  }

  async function issue(cohortId = world.cohortId): Promise<Record<string, number | boolean>> {
    const started = await as(world.admin).post(`/cohorts/${cohortId}/certificates`).expect(202);
    for (let i = 0; i < 600; i++) {
      const job = (await as(world.admin).get(`/jobs/${started.body.jobId}`).expect(200)).body;
      if (job.state === 'completed') return job.result;
      if (job.state === 'failed') throw new Error('the certificate job failed');
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the certificate job did not finish');
  }

  const holders = async (): Promise<string[]> =>
    (
      await sut.dataSource.query('SELECT user_id FROM certificates WHERE cohort_id = $1 ORDER BY user_id', [
        world.cohortId,
      ])
    ).map((r: { user_id: string }) => r.user_id);

  beforeAll(async () => {
    sut = await TestApp.start();
    process.env.MRE_PROCESS = 'worker';
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    delete process.env.MRE_PROCESS;
    world = await createCohortWorld(sut, 4);
    [atMark, justBelow, practiceOnly, leftOpen] = world.trainees;
    await as(world.admin)
      .patch(`/courses/${world.courseId}`, { expertIds: [world.expert.id] })
      .expect(200);

    // One held class of an hour, attended in full by all three: attendance is met by everyone.
    const sessionId = randomUUID();
    const startsAt = new Date(Date.now() - 48 * HOUR);
    await sut.dataSource.query(
      `INSERT INTO live_sessions (id, cohort_id, title, starts_at, ends_at, local_start, time_zone, mode, status, room_name, created_by)
       VALUES ($1, $2, 'Séance', $3, $4, $5, 'UTC', 'remote', 'scheduled', $6, $7)`,
      [
        sessionId,
        world.cohortId,
        startsAt,
        new Date(startsAt.getTime() + HOUR),
        startsAt.toISOString().slice(0, 23),
        `mre-${sessionId}`,
        world.expert.id,
      ],
    );
    for (const trainee of world.trainees)
      await sut.dataSource.query(
        `INSERT INTO attendance_segments (session_id, participant_sid, user_id, joined_at, left_at) VALUES ($1, $2, $3, $4, $5)`,
        [sessionId, `PA_${randomUUID()}`, trainee.id, startsAt, new Date(startsAt.getTime() + HOUR)],
      );

    await takeQuiz(
      'final',
      new Map([
        [atMark, [true, true, true]],
        [justBelow, [true, false, true]],
      ]),
    );
    // A passed post-test is not the final quiz.
    await takeQuiz(
      'post-test',
      new Map([
        [practiceOnly, [true, true, false]],
        [leftOpen, [true, true, false]],
      ]),
    );

    // A timed final quiz of 30 minutes whose window closes in 5: the attempt's deadline is the closing.
    const closesAt = new Date(Date.now() + 5 * 60_000);
    const timedFinal = await openQuiz('final', { timeLimitMinutes: 30, closesAt });
    const leftFinal = await leaveOpen(timedFinal, leftOpen, [true, true, false]);
    expect(leftFinal.deadlineAt).toBe(closesAt.toISOString());
    attemptIds.set(leftOpen.id, leftFinal.id);
    // A timed pre-test left open as well: 40 % with what was saved.
    await leaveOpen(await openQuiz('pre-test', { timeLimitMinutes: 10 }), leftOpen, [false, false, false]);
  }, 180_000);

  afterAll(async () => {
    await worker.close();
    await sut.close();
  });

  it('is a cohort setting, off by default, that only those who edit the cohort change', async () => {
    const before = await as(world.admin).get(`/cohorts/${world.cohortId}`).expect(200);
    expect(before.body.requiresFinalQuizPass).toBe(false);
    await as(world.expert.token)
      .patch(`/cohorts/${world.cohortId}`, { requiresFinalQuizPass: true })
      .expect(403);
    await as(world.admin).patch(`/cohorts/${world.cohortId}`, { requiresFinalQuizPass: 'yes' }).expect(400);
    const after = await as(world.admin)
      .patch(`/cohorts/${world.cohortId}`, { requiresFinalQuizPass: true })
      .expect(200);
    expect(after.body).toMatchObject({ requiresFinalQuizPass: true, minAttendancePercent: 80 });
  });

  it('keeps a pass earned at a final quiz that the cohort has since taken off its list', async () => {
    await as(world.expert.token).delete(`/cohorts/${world.cohortId}/quizzes/${finalQuizId}`).expect(204);
    const staffView = await as(world.expert.token).get(`/cohorts/${world.cohortId}/quizzes`).expect(200);
    expect(staffView.body.find((q: { quizId: string }) => q.quizId === finalQuizId).state).toBe(
      'not-scheduled',
    );
    // The next test issues: the trainee at the pass mark is certified on this unlisted quiz's attempt.
  });

  it('certifies the trainee at the pass mark and the one whose timed attempt ran out, not the one a point below nor the one without a final quiz', async () => {
    const grades = await sut.dataSource.query(
      'SELECT user_id, score, max_score, passed FROM quiz_attempts WHERE id = ANY($1)',
      [[...attemptIds.values()]],
    );
    expect(
      Object.fromEntries(
        grades.map((g: { user_id: string; score: number; passed: boolean }) => [
          g.user_id,
          [g.score, g.passed],
        ]),
      ),
    ).toEqual({ [atMark.id]: [60, true], [justBelow.id]: [59, false], [leftOpen.id]: [null, null] });

    expect(await issue()).toMatchObject({
      issued: 2,
      notEligible: 2,
      heldSessions: 1,
      finalQuizMissing: false,
    });
    expect(await holders()).toEqual([atMark.id, leftOpen.id].sort());
    const [ranOut] = await sut.dataSource.query(
      'SELECT score, passed, auto_submitted, abs(extract(epoch FROM submitted_at - deadline_at)) < 0.001 AS "atDeadline" FROM quiz_attempts WHERE id = $1',
      [attemptIds.get(leftOpen.id)],
    );
    expect(ranOut).toEqual({ score: 100, passed: true, auto_submitted: true, atDeadline: true });
    const [certificate] = await sut.dataSource.query(
      'SELECT id FROM certificates WHERE cohort_id = $1 AND user_id = $2',
      [world.cohortId, atMark.id],
    );
    const audit = await as(world.admin)
      .get(`/audit?entity=certificate&entityId=${certificate.id}`)
      .expect(200);
    expect(audit.body.items[0]).toMatchObject({
      action: 'certificate.issued',
      data: {
        attended: 1,
        heldSessions: 1,
        minAttendancePercent: 80,
        requiresFinalQuizPass: true,
        finalQuiz: { attemptId: attemptIds.get(atMark.id), percent: 60 },
      },
    });
    const [ranOutEvidence] = await sut.dataSource.query(
      `SELECT data FROM audit_log WHERE action = 'certificate.issued' AND data->>'cohortId' = $1 AND data->>'userId' = $2`,
      [world.cohortId, leftOpen.id],
    );
    expect(ranOutEvidence.data.finalQuiz).toMatchObject({
      attemptId: attemptIds.get(leftOpen.id),
      percent: 100,
    });
  });

  it('certifies on attendance alone once the rule is off again', async () => {
    await as(world.admin).patch(`/cohorts/${world.cohortId}`, { requiresFinalQuizPass: false }).expect(200);
    expect(await issue()).toMatchObject({
      issued: 2,
      alreadyIssued: 2,
      notEligible: 0,
      finalQuizMissing: false,
    });
    expect(await holders()).toEqual([atMark.id, justBelow.id, practiceOnly.id, leftOpen.id].sort());
    const audits = await sut.dataSource.query(
      `SELECT data FROM audit_log WHERE action = 'certificate.issued' AND data->>'cohortId' = $1 AND data->>'userId' = $2`,
      [world.cohortId, justBelow.id],
    );
    expect(audits[0].data).toMatchObject({ requiresFinalQuizPass: false });
    expect(audits[0].data.finalQuiz).toBeUndefined();
  });

  it('says so when the rule is on but the cohort has no final quiz opened for it, and certifies nobody', async () => {
    // Another cohort of the same course, whose final quizzes are not opened for it; one held class attended in full.
    const cohortId = await world.addCohort();
    const sessionId = randomUUID();
    const startsAt = new Date(Date.now() - 24 * HOUR);
    await sut.dataSource.query(
      `INSERT INTO live_sessions (id, cohort_id, title, starts_at, ends_at, local_start, time_zone, mode, status, room_name, created_by)
       VALUES ($1, $2, 'Séance', $3, $4, $5, 'UTC', 'remote', 'scheduled', $6, $7)`,
      [
        sessionId,
        cohortId,
        startsAt,
        new Date(startsAt.getTime() + HOUR),
        startsAt.toISOString().slice(0, 23),
        `mre-${sessionId}`,
        world.expert.id,
      ],
    );
    for (const trainee of world.trainees)
      await sut.dataSource.query(
        `INSERT INTO attendance_segments (session_id, participant_sid, user_id, joined_at, left_at) VALUES ($1, $2, $3, $4, $5)`,
        [sessionId, `PA_${randomUUID()}`, trainee.id, startsAt, new Date(startsAt.getTime() + HOUR)],
      );
    await as(world.admin).patch(`/cohorts/${cohortId}`, { requiresFinalQuizPass: true }).expect(200);
    expect(await issue(cohortId)).toEqual({
      issued: 0,
      alreadyIssued: 0,
      notEligible: 4,
      heldSessions: 1,
      finalQuizMissing: true,
    });

    // Off again, the same cohort certifies on attendance and the result no longer warns.
    await as(world.admin).patch(`/cohorts/${cohortId}`, { requiresFinalQuizPass: false }).expect(200);
    expect(await issue(cohortId)).toMatchObject({ issued: 4, notEligible: 0, finalQuizMissing: false });
  });

  it('counts in the learning gain a timed pre-test its trainee left open past the deadline', async () => {
    const [{ network_id: networkId }] = await sut.dataSource.query(
      'SELECT network_id FROM courses WHERE id = $1',
      [world.courseId],
    );
    const report = await as(world.admin).get(`/reports/learning-gain?networkId=${networkId}`).expect(200);
    // Pre-test: the one left open, 40 %; post-test: 100 % for two; the gain of the one who took both: 60.
    expect(report.body.total).toEqual({
      preTestAverage: 40,
      preTestCount: 1,
      postTestAverage: 100,
      postTestCount: 2,
      gain: 60,
      pairedCount: 1,
    });
  });
});
