import { createCohortWorld, type CohortWorld } from './support/cohort-world';
import { TestApp, type TestUser } from './support/test-app';

interface Choice {
  id: string;
  text: Record<string, string>;
  correct?: boolean;
}
interface Question {
  id: string;
  kind: string;
  choices?: Choice[];
}

/** A quiz with one question of each kind, the short answer in Arabic. */
const QUIZ = {
  title: { fr: 'Sécurité électrique', ar: 'السلامة الكهربائية' },
  purpose: 'post-test',
  passPercent: 60,
  questions: [
    {
      kind: 'single',
      prompt: { fr: 'Couleur du fil de terre ?' },
      points: 2,
      choices: [
        { text: { fr: 'Vert-jaune' }, correct: true },
        { text: { fr: 'Bleu' } },
        { text: { fr: 'Marron' } },
      ],
    },
    {
      kind: 'multiple',
      prompt: { fr: 'Protections individuelles ?' },
      choices: [
        { text: { fr: 'Gants isolants' }, correct: true },
        { text: { fr: 'Lunettes' }, correct: true },
        { text: { fr: 'Bague' } },
      ],
    },
    { kind: 'true-false', prompt: { fr: 'On coupe le courant avant d’intervenir.' }, correct: true },
    { kind: 'short', prompt: { ar: 'ما اسم الجهاز الذي يقيس التوتر؟' }, accepted: ['الفُولْتمِتر'] },
    { kind: 'numeric', prompt: { fr: 'Tension du réseau au Maroc (V) ?' }, value: 220, tolerance: 10 },
  ],
};

/** What tells a right answer: the definition's keys, and the feedback's after submission. */
const ANSWER_KEYS = new Set([
  'correct',
  'accepted',
  'value',
  'tolerance',
  'correctChoiceIds',
  'correctAnswer',
  'acceptedAnswers',
]);

/**
 * Every place in a response that would tell a right answer before submission: a key of the
 * questions' definitions or of the feedback, or one of the accepted short answers (raw or
 * without its diacritics) inside any text.
 */
function answerLeaks(body: unknown, acceptedTexts: string[], path = '$'): string[] {
  if (Array.isArray(body))
    return body.flatMap((item, i) => answerLeaks(item, acceptedTexts, `${path}[${i}]`));
  if (body !== null && typeof body === 'object')
    return Object.entries(body).flatMap(([key, value]) => [
      ...(ANSWER_KEYS.has(key) ? [`${path}.${key}`] : []),
      ...answerLeaks(value, acceptedTexts, `${path}.${key}`),
    ]);
  if (typeof body === 'string') {
    const bare = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    return acceptedTexts.some((a) => bare(body).includes(bare(a))) ? [`${path} = ${body}`] : [];
  }
  return [];
}

describe('Quizzes: written by experts, opened by cohorts, taken and graded by the server (e2e)', () => {
  let sut: TestApp;
  let world: CohortWorld;
  let moduleId: string;
  let quizPath: string;
  let quiz: { id: string; questions: Question[] };
  let trainee: TestUser;
  let other: TestUser;

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
  const open = (
    token: string,
    quizId: string,
    opensAt = new Date(Date.now() - 60_000),
    closesAt: Date | null = null,
  ) =>
    as(token).put(`/cohorts/${world.cohortId}/quizzes/${quizId}`, {
      opensAt: opensAt.toISOString(),
      closesAt: closesAt?.toISOString() ?? null,
    });
  const rightAnswers = () => {
    const [single, multiple, trueFalse, short, numeric] = quiz.questions;
    const right = (q: Question) => q.choices!.filter((c) => c.correct).map((c) => c.id);
    return {
      [single.id]: right(single),
      [multiple.id]: right(multiple),
      [trueFalse.id]: true,
      [short.id]: 'الفولتمتر',
      [numeric.id]: '٢٢٥',
    };
  };
  /** As if the clock had moved on: the attempt started (and its deadline fell) `minutes` earlier. */
  const timePasses = (attemptId: string, minutes: number) =>
    sut.dataSource.query(
      `UPDATE quiz_attempts SET started_at = started_at - make_interval(mins => $2), deadline_at = deadline_at - make_interval(mins => $2) WHERE id = $1`,
      [attemptId, minutes],
    );

  beforeAll(async () => {
    sut = await TestApp.start();
    world = await createCohortWorld(sut, 3);
    [trainee, other] = world.trainees;
    await as(world.admin)
      .patch(`/courses/${world.courseId}`, { expertIds: [world.expert.id] })
      .expect(200);
    moduleId = (
      await as(world.admin)
        .post(`/courses/${world.courseId}/modules`, { title: { fr: 'Module 1' }, position: 1 })
        .expect(201)
    ).body.id;
    quizPath = `/courses/${world.courseId}/modules/${moduleId}/quizzes`;
  });

  afterAll(() => sut.close());

  it('lets an expert of the course write a quiz with an Arabic question, giving ids and keeping the answers for editors', async () => {
    const res = await as(world.expert.token).post(quizPath, QUIZ).expect(201);
    quiz = res.body;
    expect(res.body).toMatchObject({
      purpose: 'post-test',
      passPercent: 60,
      totalPoints: 6,
      attemptsAllowed: 1,
      version: 1,
    });
    expect(res.body.questions[3]).toMatchObject({
      kind: 'short',
      prompt: QUIZ.questions[3].prompt,
      accepted: ['الفُولْتمِتر'],
    });
    expect(res.body.questions[0].choices.filter((c: Choice) => c.correct)).toHaveLength(1);
    const listed = await as(world.expert.token).get(quizPath).expect(200);
    expect(listed.body.map((q: { id: string }) => q.id)).toEqual([quiz.id]);
  });

  it('refuses an incomplete question, saying which, and keeps quizzes from trainees and other experts', async () => {
    const bad = await as(world.expert.token)
      .post(quizPath, {
        ...QUIZ,
        questions: [
          { kind: 'single', prompt: { fr: 'x' }, choices: [{ text: { fr: 'a' } }, { text: { fr: 'b' } }] },
        ],
      })
      .expect(400);
    expect(bad.body).toMatchObject({ code: 'invalid-question', details: { field: 'questions[0].choices' } });
    await as(trainee.token).get(quizPath).expect(403);
    const stranger = await sut.createUser('expert');
    const refused = await as(stranger.token).get(`${quizPath}/${quiz.id}`);
    expect([403, 404]).toContain(refused.status);
    expect(JSON.stringify(refused.body)).not.toContain('Vert-jaune');
  });

  it('shows trainees only the quizzes their cohort opened; only staff open them, in order', async () => {
    expect((await as(trainee.token).get(`/cohorts/${world.cohortId}/quizzes`).expect(200)).body).toEqual([]);
    const staffView = await as(world.expert.token).get(`/cohorts/${world.cohortId}/quizzes`).expect(200);
    expect(staffView.body[0]).toMatchObject({ quizId: quiz.id, state: 'not-scheduled', submittedCount: 0 });
    expect((await open(trainee.token, quiz.id).expect(403)).body.code).toBe('not-quiz-runner');
    await as(world.outsider.token).get(`/cohorts/${world.cohortId}/quizzes`).expect(404);
    const backwards = await open(
      world.expert.token,
      quiz.id,
      new Date(Date.now() + 7_200_000),
      new Date(Date.now() + 3_600_000),
    );
    expect(backwards.status).toBe(400);
    const later = await open(world.coordinator.token, quiz.id, new Date(Date.now() + 3_600_000)).expect(200);
    expect(later.body.state).toBe('upcoming');
    const early = await as(trainee.token)
      .post(`/cohorts/${world.cohortId}/quizzes/${quiz.id}/attempts`)
      .expect(409);
    expect(early.body).toMatchObject({ code: 'quiz-not-open', details: { opensAt: later.body.opensAt } });
    expect((await open(world.expert.token, quiz.id).expect(200)).body.state).toBe('open');
    const mine = await as(trainee.token).get(`/cohorts/${world.cohortId}/quizzes`).expect(200);
    expect(mine.body[0]).toMatchObject({
      quizId: quiz.id,
      state: 'open',
      mine: { attemptsUsed: 0, inProgressAttemptId: null },
    });
    expect(mine.body[0].submittedCount).toBeUndefined();
  });

  let attemptId: string;

  it('starts an attempt that tells no right answer, and resumes it after a dropped connection', async () => {
    const started = await as(trainee.token)
      .post(`/cohorts/${world.cohortId}/quizzes/${quiz.id}/attempts`)
      .expect(201);
    attemptId = started.body.id;
    expect(started.body).toMatchObject({ status: 'in-progress', number: 1, deadlineAt: null, answers: {} });
    expect(started.body.questions).toHaveLength(5);
    const sent = JSON.stringify(started.body);
    for (const secret of ['correct', 'accepted', 'الفُولْتمِتر', '"value"', 'tolerance'])
      expect(sent).not.toContain(secret);
    await as(world.expert.token).post(`/cohorts/${world.cohortId}/quizzes/${quiz.id}/attempts`).expect(403);

    const answers = rightAnswers();
    const [single, multiple] = quiz.questions;
    const saved = await as(trainee.token)
      .put(`/attempts/${attemptId}/answers`, {
        answers: { [single.id]: answers[single.id], [multiple.id]: answers[multiple.id] },
      })
      .expect(200);
    expect(saved.body.answered).toBe(2);
    // The connection drops; the trainee comes back and asks to start again: the same attempt, answers kept.
    const resumed = await as(trainee.token)
      .post(`/cohorts/${world.cohortId}/quizzes/${quiz.id}/attempts`)
      .expect(200);
    expect(resumed.body.id).toBe(attemptId);
    expect(resumed.body.answers).toEqual({
      [single.id]: answers[single.id],
      [multiple.id]: answers[multiple.id],
    });
    expect(JSON.stringify(resumed.body)).not.toContain('correct');
  });

  it('tells no right answer in any response a trainee gets before submission', async () => {
    const accepted = ['الفُولْتمِتر'];
    const [, , trueFalse] = quiz.questions;
    const responses = {
      attempt: (await as(trainee.token).get(`/attempts/${attemptId}`).expect(200)).body,
      saved: (
        await as(trainee.token)
          .put(`/attempts/${attemptId}/answers`, { answers: { [trueFalse.id]: false } })
          .expect(200)
      ).body,
      quizzes: (await as(trainee.token).get(`/cohorts/${world.cohortId}/quizzes`).expect(200)).body,
      notices: (await as(trainee.token).get('/me/notifications').expect(200)).body,
    };
    // The scan finds what it looks for: the editor's view of the same quiz has them all.
    const editorView = (await as(world.expert.token).get(`${quizPath}/${quiz.id}`).expect(200)).body;
    expect(answerLeaks(editorView, accepted)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/\.correct$/),
        expect.stringMatching(/\.accepted$/),
        expect.stringMatching(/\.value$/),
        expect.stringMatching(/\.tolerance$/),
      ]),
    );
    expect(
      responses.notices.items.some(
        (n: { kind: string; params: { quizId?: string } }) =>
          n.kind === 'quiz-opened' && n.params.quizId === quiz.id,
      ),
    ).toBe(true);
    expect(responses.attempt.status).toBe('in-progress');
    expect(answerLeaks(responses, accepted)).toEqual([]);
  });

  it('refuses answers that do not fit, and keeps attempts to their trainee and the cohort’s staff', async () => {
    const [single, , trueFalse] = quiz.questions;
    const unknownChoice = await as(trainee.token).put(`/attempts/${attemptId}/answers`, {
      answers: { [single.id]: ['not-a-choice'] },
    });
    expect(unknownChoice.status).toBe(400);
    expect(unknownChoice.body.code).toBe('invalid-answer');
    await as(trainee.token)
      .put(`/attempts/${attemptId}/answers`, { answers: { [trueFalse.id]: 'yes' } })
      .expect(400);
    await as(other.token).get(`/attempts/${attemptId}`).expect(404);
    await as(other.token).put(`/attempts/${attemptId}/answers`, { answers: {} }).expect(404);
    await as(other.token).post(`/attempts/${attemptId}/submit`).expect(404);
    const teacherView = await as(world.expert.token).get(`/attempts/${attemptId}`).expect(200);
    expect(teacherView.body.status).toBe('in-progress');
  });

  it('grades on the server once, with feedback, and then refuses changes and new attempts', async () => {
    const submitted = await as(trainee.token)
      .post(`/attempts/${attemptId}/submit`, { answers: rightAnswers() })
      .expect(200);
    expect(submitted.body).toMatchObject({
      status: 'submitted',
      autoSubmitted: false,
      result: { score: 6, maxScore: 6, percent: 100, passed: true },
    });
    const single = quiz.questions[0];
    const feedback = submitted.body.result.questions.find(
      (q: { questionId: string }) => q.questionId === single.id,
    );
    expect(feedback).toMatchObject({
      correct: true,
      points: 2,
      correctChoiceIds: [single.choices!.find((c) => c.correct)!.id],
    });
    // A score sent by the browser is refused outright: the body holds answers only.
    const madeUp = await as(trainee.token).post(`/attempts/${attemptId}/submit`, { answers: {}, score: 6 });
    expect(madeUp.status).toBe(400);
    expect(
      (await as(trainee.token).post(`/attempts/${attemptId}/submit`, { answers: {} }).expect(409)).body.code,
    ).toBe('attempt-submitted');
    expect(
      (await as(trainee.token).put(`/attempts/${attemptId}/answers`, { answers: {} }).expect(409)).body.code,
    ).toBe('attempt-submitted');
    const again = await as(trainee.token)
      .post(`/cohorts/${world.cohortId}/quizzes/${quiz.id}/attempts`)
      .expect(409);
    expect(again.body).toMatchObject({ code: 'attempts-exhausted', details: { attemptsAllowed: 1 } });
    const mine = await as(trainee.token).get(`/cohorts/${world.cohortId}/quizzes`).expect(200);
    expect(mine.body[0].mine).toMatchObject({
      attemptsUsed: 1,
      bestPercent: 100,
      passed: true,
      lastAttemptId: attemptId,
    });
  });

  it('gives one attempt to two starts at once', async () => {
    const [a, b] = await Promise.all([
      as(other.token).post(`/cohorts/${world.cohortId}/quizzes/${quiz.id}/attempts`),
      as(other.token).post(`/cohorts/${world.cohortId}/quizzes/${quiz.id}/attempts`),
    ]);
    expect({ statuses: [a.status, b.status].sort(), codes: [a.body.code, b.body.code] }).toEqual({
      statuses: [200, 201],
      codes: [undefined, undefined],
    });
    expect(a.body.id).toBe(b.body.id);
    const [single] = quiz.questions;
    // A wrong choice: 0 of 6 points.
    await as(other.token)
      .post(`/attempts/${a.body.id}/submit`, { answers: { [single.id]: [single.choices![1].id] } })
      .expect(200);
  });

  it('enforces the time limit on the server: after the deadline only the answers saved before count', async () => {
    const timed = (
      await as(world.expert.token)
        .post(quizPath, {
          ...QUIZ,
          title: { fr: 'Chronométré' },
          purpose: 'practice',
          timeLimitMinutes: 10,
          attemptsAllowed: 2,
        })
        .expect(201)
    ).body as { id: string; questions: Question[] };
    await open(world.expert.token, timed.id).expect(200);
    const started = await as(trainee.token)
      .post(`/cohorts/${world.cohortId}/quizzes/${timed.id}/attempts`)
      .expect(201);
    const deadline = new Date(started.body.deadlineAt).getTime() - new Date(started.body.startedAt).getTime();
    expect(deadline).toBe(10 * 60_000);
    const [single, , trueFalse] = timed.questions;
    const right = single.choices!.find((c) => c.correct)!.id;
    await as(trainee.token)
      .put(`/attempts/${started.body.id}/answers`, { answers: { [single.id]: [right] } })
      .expect(200);
    await timePasses(started.body.id, 11);
    const late = await as(trainee.token).put(`/attempts/${started.body.id}/answers`, {
      answers: { [trueFalse.id]: true },
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('attempt-time-up');
    const graded = await as(trainee.token).get(`/attempts/${started.body.id}`).expect(200);
    expect(graded.body).toMatchObject({
      status: 'submitted',
      autoSubmitted: true,
      result: { score: 2, maxScore: 6 },
    });
    expect(graded.body.submittedAt).toBe(graded.body.deadlineAt);
    // Within the 30-second grace after the deadline an answer still counts (a weak link's late arrival).
    const second = await as(trainee.token)
      .post(`/cohorts/${world.cohortId}/quizzes/${timed.id}/attempts`)
      .expect(201);
    expect(second.body.number).toBe(2);
    await sut.dataSource.query(
      `UPDATE quiz_attempts SET deadline_at = now() - interval '10 seconds' WHERE id = $1`,
      [second.body.id],
    );
    const inGrace = await as(trainee.token)
      .post(`/attempts/${second.body.id}/submit`, { answers: { [trueFalse.id]: true } })
      .expect(200);
    expect(inGrace.body.result.score).toBe(1);
  });

  it('shows staff every trainee’s score and the item analysis, and not trainees', async () => {
    const results = await as(world.expert.token)
      .get(`/cohorts/${world.cohortId}/quizzes/${quiz.id}/results`)
      .expect(200);
    expect(results.body.trainees).toHaveLength(3);
    const byId = new Map(results.body.trainees.map((t: { userId: string }) => [t.userId, t]));
    expect(byId.get(trainee.id)).toMatchObject({
      attempts: 1,
      bestPercent: 100,
      passed: true,
      fullName: expect.stringMatching(/^Trainee 1 /),
    });
    expect(byId.get(other.id)).toMatchObject({ attempts: 1, bestPercent: 0, passed: false });
    expect(byId.get(world.trainees[2].id)).toMatchObject({ attempts: 0, bestPercent: null, passed: false });
    expect(results.body.averagePercent).toBe(50);
    const [single, multiple] = quiz.questions;
    const item = results.body.items.find((i: { questionId: string }) => i.questionId === single.id);
    expect(item).toMatchObject({ answered: 2, percentRight: 50 });
    expect(item.choices.map((c: { percentChosen: number }) => c.percentChosen)).toEqual([50, 50, 0]);
    expect(
      results.body.items.find((i: { questionId: string }) => i.questionId === multiple.id).percentRight,
    ).toBe(50);
    expect(results.body.quiz.submittedCount).toBe(2);
    await as(world.coordinator.token)
      .get(`/cohorts/${world.cohortId}/quizzes/${quiz.id}/results`)
      .expect(200);
    expect(
      (await as(trainee.token).get(`/cohorts/${world.cohortId}/quizzes/${quiz.id}/results`).expect(403)).body
        .code,
    ).toBe('not-cohort-staff');
  });

  it('regrades after a question is fixed, audited, and keeps a quiz with attempts from deletion', async () => {
    // The expert finds that "Bleu" was the choice the course taught: fix it and regrade.
    const fixed = quiz.questions.map((q, i) =>
      i === 0 ? { ...q, choices: q.choices!.map((c, j) => ({ ...c, correct: j === 1 })) } : q,
    );
    const patched = await as(world.expert.token)
      .patch(`${quizPath}/${quiz.id}`, { questions: fixed })
      .expect(200);
    expect(patched.body.version).toBe(2);
    const before = await as(trainee.token).get(`/attempts/${attemptId}`).expect(200);
    expect(before.body.result.score).toBe(6);
    const regrade = await as(world.expert.token).post(`${quizPath}/${quiz.id}/regrade`).expect(200);
    expect(regrade.body).toEqual({ regraded: 2, changed: 2 });
    const after = await as(trainee.token).get(`/attempts/${attemptId}`).expect(200);
    expect(after.body.result).toMatchObject({ score: 4, percent: 66.7, passed: true });
    const audit = await as(world.admin).get(`/audit?entity=quiz&entityId=${quiz.id}`).expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['quiz.created', 'quiz.updated', 'quiz.regraded']),
    );
    expect(audit.body.items.find((e: { action: string }) => e.action === 'quiz.regraded').data).toMatchObject(
      {
        regraded: 2,
        changed: 2,
        version: 2,
      },
    );
    expect((await as(world.expert.token).delete(`${quizPath}/${quiz.id}`).expect(409)).body.code).toBe(
      'quiz-has-attempts',
    );
    const unused = (await as(world.expert.token).post(quizPath, QUIZ).expect(201)).body;
    await as(world.expert.token).delete(`${quizPath}/${unused.id}`).expect(204);
    await as(world.expert.token).get(`${quizPath}/${unused.id}`).expect(404);
  });

  describe('grading each kind', () => {
    /** One question of each kind, the short answers in French (two accepted) and in Arabic without diacritics. */
    const GRADED = {
      title: { fr: 'Protection différentielle' },
      purpose: 'practice',
      passPercent: 50,
      attemptsAllowed: 3,
      questions: [
        {
          kind: 'single',
          prompt: { fr: 'Calibre d’un différentiel domestique ?' },
          choices: [{ text: { fr: '30 mA' }, correct: true }, { text: { fr: '300 mA' } }],
        },
        {
          kind: 'multiple',
          prompt: { fr: 'Ce qui déclenche un différentiel ?' },
          choices: [
            { text: { fr: 'Fuite à la terre' }, correct: true },
            { text: { fr: 'Contact direct' }, correct: true },
            { text: { fr: 'Surcharge' } },
          ],
        },
        { kind: 'true-false', prompt: { fr: 'Un différentiel protège des surcharges.' }, correct: false },
        {
          kind: 'short',
          prompt: { fr: 'Nom de l’appareil ?' },
          accepted: ['Disjoncteur différentiel', 'Interrupteur différentiel'],
        },
        { kind: 'short', prompt: { ar: 'ما اسم الجهاز الذي يقيس التوتر؟' }, accepted: ['الفولتمتر'] },
        { kind: 'numeric', prompt: { fr: 'Tension du réseau (V) ?' }, value: 220, tolerance: 10 },
      ],
    };
    let graded: { id: string; questions: Question[] };
    const right = (q: Question) => q.choices!.filter((c) => c.correct).map((c) => c.id);
    const wrong = (q: Question) => q.choices!.filter((c) => !c.correct).map((c) => c.id);

    /** Starts an attempt of `who` at `quizId`, submits these answers, and gives back the graded attempt. */
    async function submitted(who: TestUser, quizId: string, answers: Record<string, unknown>) {
      const started = await as(who.token)
        .post(`/cohorts/${world.cohortId}/quizzes/${quizId}/attempts`)
        .expect(201);
      return (await as(who.token).post(`/attempts/${started.body.id}/submit`, { answers }).expect(200)).body;
    }
    const rightness = (attempt: { result: { questions: { questionId: string; correct: boolean }[] } }) =>
      graded.questions.map((q) => attempt.result.questions.find((r) => r.questionId === q.id)?.correct);

    beforeAll(async () => {
      graded = (await as(world.expert.token).post(quizPath, GRADED).expect(201)).body;
      await open(world.expert.token, graded.id).expect(200);
    });

    it('gives no point for a wrong answer of any kind, a multiple choice half right, or a number outside the tolerance', async () => {
      const [single, multiple, trueFalse, french, arabic, numeric] = graded.questions;
      const attempt = await submitted(world.trainees[2], graded.id, {
        [single.id]: wrong(single),
        [multiple.id]: right(multiple).slice(0, 1),
        [trueFalse.id]: true,
        [french.id]: 'Disjoncteur',
        [arabic.id]: 'الأمبيرمتر',
        [numeric.id]: '230,5',
      });
      expect(attempt.result).toMatchObject({ score: 0, maxScore: 6, percent: 0, passed: false });
      expect(rightness(attempt)).toEqual([false, false, false, false, false, false]);
      // A right choice together with a wrong one is not right either.
      const mixed = await submitted(world.trainees[2], graded.id, {
        [multiple.id]: [...right(multiple), ...wrong(multiple)],
        [numeric.id]: 209.9,
      });
      expect(mixed.result.score).toBe(0);
    });

    it('accepts any accepted answer whatever its case and accents, an Arabic answer typed with diacritics, and a number at the tolerance', async () => {
      const [single, multiple, trueFalse, french, arabic, numeric] = graded.questions;
      const attempt = await submitted(world.trainees[2], graded.id, {
        [single.id]: right(single),
        [multiple.id]: [...right(multiple)].reverse(),
        [trueFalse.id]: false,
        [french.id]: '  INTERRUPTEUR DIFFERENTIEL. ',
        [arabic.id]: 'الفُولْتْمِتَر',
        [numeric.id]: '٢٣٠',
      });
      expect(attempt.result).toMatchObject({ score: 6, maxScore: 6, percent: 100, passed: true });
      expect(rightness(attempt)).toEqual([true, true, true, true, true, true]);
      const feedback = attempt.result.questions.find(
        (r: { questionId: string }) => r.questionId === french.id,
      );
      expect(feedback.acceptedAnswers).toEqual(GRADED.questions[3].accepted);
    });

    it('shows no feedback per question when the quiz does not allow it, only the score', async () => {
      const quiet = (
        await as(world.expert.token)
          .post(quizPath, { ...GRADED, title: { fr: 'Sans corrigé' }, showFeedback: false })
          .expect(201)
      ).body as { id: string; questions: Question[] };
      await open(world.expert.token, quiet.id).expect(200);
      const [single, , trueFalse] = quiet.questions;
      const who = world.trainees[2];
      const started = await as(who.token)
        .post(`/cohorts/${world.cohortId}/quizzes/${quiet.id}/attempts`)
        .expect(201);
      await as(who.token)
        .put(`/attempts/${started.body.id}/answers`, { answers: { [trueFalse.id]: false } })
        .expect(200);
      // An answer cleared before submitting (null) does not count, though it was saved before.
      const attempt = (
        await as(who.token)
          .post(`/attempts/${started.body.id}/submit`, {
            answers: { [single.id]: right(single), [trueFalse.id]: null },
          })
          .expect(200)
      ).body;
      expect(attempt.answers).toEqual({ [single.id]: right(single) });
      expect(attempt.result).toMatchObject({ score: 1, maxScore: 6, passed: false });
      expect(attempt.result.questions).toBeUndefined();
      const later = (await as(world.trainees[2].token).get(`/attempts/${attempt.id}`).expect(200)).body;
      expect(later.result).toMatchObject({ score: 1 });
      expect(
        answerLeaks(
          later,
          GRADED.questions.flatMap((q) => q.accepted ?? []),
        ),
      ).toEqual([]);
    });

    it('shuffles questions and choices per attempt: each trainee sees the whole quiz in an order of their own, graded the same', async () => {
      const choices = (n: number) =>
        ['A', 'B', 'C', 'D'].map((letter, j) => ({ text: { fr: `${letter}${n}` }, correct: j === n % 4 }));
      const shuffledQuiz = (
        await as(world.expert.token)
          .post(quizPath, {
            title: { fr: 'Mélangé' },
            purpose: 'practice',
            passPercent: 50,
            shuffleQuestions: true,
            shuffleChoices: true,
            questions: [
              ...[0, 1, 2, 3, 4, 5].map((n) => ({
                kind: 'single',
                prompt: { fr: `Q${n}` },
                choices: choices(n),
              })),
              { kind: 'true-false', prompt: { fr: 'Q6' }, correct: true },
              { kind: 'true-false', prompt: { fr: 'Q7' }, correct: false },
            ],
          })
          .expect(201)
      ).body as { id: string; questions: Question[] };
      await open(world.expert.token, shuffledQuiz.id).expect(200);
      const seen: string[][] = [];
      for (const who of [trainee, other]) {
        const started = (
          await as(who.token)
            .post(`/cohorts/${world.cohortId}/quizzes/${shuffledQuiz.id}/attempts`)
            .expect(201)
        ).body as { id: string; questions: Question[] };
        expect(started.questions.map((q) => q.id).sort()).toEqual(
          shuffledQuiz.questions.map((q) => q.id).sort(),
        );
        for (const shown of started.questions) {
          const defined = shuffledQuiz.questions.find((q) => q.id === shown.id)!;
          expect(shown.choices?.map((c) => c.id).sort()).toEqual(defined.choices?.map((c) => c.id).sort());
        }
        seen.push(started.questions.flatMap((q) => [q.id, ...(q.choices ?? []).map((c) => c.id)]));
        const answers = Object.fromEntries(
          shuffledQuiz.questions.map((q, i) => [q.id, q.choices ? right(q) : i === 6]),
        );
        const graded = (await as(who.token).post(`/attempts/${started.id}/submit`, { answers }).expect(200))
          .body;
        expect(graded.result).toMatchObject({ score: 8, maxScore: 8, passed: true });
      }
      // 8! orders of the questions times 24 of each question's choices: the same twice is all but impossible.
      expect(seen[0]).not.toEqual(seen[1]);
    });
  });
});
