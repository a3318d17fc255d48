import { randomUUID } from 'node:crypto';
import { createCohortWorld, type CohortWorld } from './support/cohort-world';
import { TestApp, type TestUser } from './support/test-app';

const HOUR = 3600_000;
const quiz = (purpose: string) => ({
  title: { fr: `Quiz ${purpose}` },
  purpose,
  passPercent: 50,
  questions: [{ kind: 'true-false', prompt: { fr: 'Vrai ?' }, correct: true, points: 1 }],
});

/**
 * Learning gain and satisfaction on a fixture with known numbers, in a network of its own (the
 * reports are asked for that network only, so other tests' data stays out):
 *
 * - pre-test: t1 40, t2 60, t3 90 → mean 63.3 over 3 people;
 * - post-test: t1 60 then 80 (best: 80), t2 70, t3 an attempt still in progress → mean 75 over 2;
 * - gain over the two who took both: ((80 − 40) + (70 − 60)) / 2 = 25 points;
 * - ignored: a practice quiz, the unsubmitted attempt, and an attempt of someone not enrolled.
 * - feedback: session 1 rated (5,4,3), (4,4,2), (3,5,1); session 2 rated (1,1,1) → content 3.25,
 *   clarity 3.5, sound and picture 1.75 over 4 answers and 2 sessions, for the network and its expert.
 */
describe('Learning gain and satisfaction reports (e2e)', () => {
  let sut: TestApp;
  let world: CohortWorld;
  let networkId: string;
  let t1: TestUser;
  let t2: TestUser;
  let t3: TestUser;

  const as = (token: string) => ({
    get: (path: string) => sut.http.get(`/api${path}`).auth(token, { type: 'bearer' }),
    post: (path: string, body: object = {}) =>
      sut.http.post(`/api${path}`).auth(token, { type: 'bearer' }).send(body),
  });
  const sql = (text: string, params: unknown[]) => sut.dataSource.query(text, params);

  async function createQuiz(purpose: string): Promise<string> {
    const moduleId = (
      await as(world.admin)
        .post(`/courses/${world.courseId}/modules`, { title: { fr: `Module ${purpose}` }, position: 1 })
        .expect(201)
    ).body.id;
    return (
      await as(world.admin)
        .post(`/courses/${world.courseId}/modules/${moduleId}/quizzes`, quiz(purpose))
        .expect(201)
    ).body.id;
  }

  /** An attempt as the grader leaves it: `score` of 100 points, or still in progress when null. */
  async function attempt(quizId: string, user: TestUser, number: number, score: number | null) {
    await sql(
      `INSERT INTO quiz_attempts (quiz_id, cohort_id, user_id, number, started_at, submitted_at, question_order, score, max_score, passed)
       VALUES ($1, $2, $3, $4, now() - interval '1 hour', $5, '[]', $6, $7, $8)`,
      [
        quizId,
        world.cohortId,
        user.id,
        number,
        score === null ? null : new Date(),
        score,
        score === null ? null : 100,
        score === null ? null : score >= 50,
      ],
    );
  }

  async function heldSession(hoursAgo: number): Promise<string> {
    const id = randomUUID();
    const startsAt = new Date(Date.now() - hoursAgo * HOUR);
    await sql(
      `INSERT INTO live_sessions (id, cohort_id, title, starts_at, ends_at, local_start, time_zone, mode, status, room_name, created_by)
       VALUES ($1, $2, 'Séance', $3, $4, $5, 'UTC', 'remote', 'scheduled', $6, $7)`,
      [
        id,
        world.cohortId,
        startsAt,
        new Date(startsAt.getTime() + HOUR),
        startsAt.toISOString().slice(0, 23),
        `mre-${id}`,
        world.expert.id,
      ],
    );
    return id;
  }

  async function rate(sessionId: string, user: TestUser, [content, clarity, audioVideo]: number[]) {
    await sql(
      'INSERT INTO session_feedback (session_id, user_id, content, clarity, audio_video) VALUES ($1, $2, $3, $4, $5)',
      [sessionId, user.id, content, clarity, audioVideo],
    );
  }

  beforeAll(async () => {
    sut = await TestApp.start();
    world = await createCohortWorld(sut, 3);
    [t1, t2, t3] = world.trainees;
    [{ network_id: networkId }] = await sql('SELECT network_id FROM courses WHERE id = $1', [world.courseId]);

    const pre = await createQuiz('pre-test');
    const post = await createQuiz('post-test');
    const practice = await createQuiz('practice');
    await attempt(pre, t1, 1, 40);
    await attempt(pre, t2, 1, 60);
    await attempt(pre, t3, 1, 90);
    await attempt(post, t1, 1, 60);
    await attempt(post, t1, 2, 80);
    await attempt(post, t2, 1, 70);
    await attempt(post, t3, 1, null);
    await attempt(practice, t1, 1, 10);
    await attempt(pre, world.outsider, 1, 0);

    const first = await heldSession(48);
    const second = await heldSession(24);
    await rate(first, t1, [5, 4, 3]);
    await rate(first, t2, [4, 4, 2]);
    await rate(first, t3, [3, 5, 1]);
    await rate(second, t1, [1, 1, 1]);
  });

  afterAll(() => sut.close());

  it('computes the averages and the gain over the people who took both tests, with each one’s best attempt', async () => {
    const report = (await as(world.admin).get(`/reports/learning-gain?networkId=${networkId}`).expect(200))
      .body;
    const measures = {
      preTestAverage: 63.3,
      preTestCount: 3,
      postTestAverage: 75,
      postTestCount: 2,
      gain: 25,
      pairedCount: 2,
    };
    expect(report.total).toEqual(measures);
    expect(report.byNetwork).toEqual([{ networkId, name: expect.stringMatching(/^Network /), ...measures }]);
    expect(report.bySector).toEqual([{ sectorCode: 'aeronautics', ...measures }]);
    expect(report.byCentre).toEqual([
      { centreId: world.centreId, name: expect.stringMatching(/^Centre /), ...measures },
    ]);
    expect(report.byCohortKind).toEqual([{ kind: 'trainees', ...measures }]);
  });

  it('exports the learning gain as CSV in the reader’s language, decimals with their comma (quoted, as every cell holding one)', async () => {
    const res = await as(world.admin).get(`/reports/learning-gain.csv?networkId=${networkId}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Regroupement;Groupe;Pré-test moyen (%);Personnes au pré-test;Post-test moyen (%);Personnes au post-test;Gain (points);Personnes aux deux tests',
    );
    expect(lines.slice(1, 2)).toEqual(['Ensemble;Toutes les cohortes;"63,3";3;75;2;25;2']);
    expect(lines).toContain('Secteur;Aéronautique;"63,3";3;75;2;25;2');
    expect(lines).toContain('Type de cohorte;Stagiaires;"63,3";3;75;2;25;2');
    expect(lines).toHaveLength(6);
  });

  it('gives the feedback averages and counts per network and per expert', async () => {
    const report = (await as(world.admin).get(`/reports/satisfaction?networkId=${networkId}`).expect(200))
      .body;
    const measures = { content: 3.25, clarity: 3.5, audioVideo: 1.75, answers: 4, sessions: 2 };
    expect(report.byNetwork).toEqual([{ networkId, name: expect.stringMatching(/^Network /), ...measures }]);
    expect(report.byExpert).toEqual([{ expertId: world.expert.id, name: expect.any(String), ...measures }]);

    const csv = await as(world.admin).get(`/reports/satisfaction.csv?networkId=${networkId}`).expect(200);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Regroupement;Groupe;Contenu (1–5);Clarté (1–5);Son et image (1–5);Réponses;Séances',
    );
    expect(lines[1]).toMatch(/^Réseau;Network [^;]+;"3,25";"3,5";"1,75";4;2$/);
    expect(lines[2]).toMatch(/^Expert;[^;]+;"3,25";"3,5";"1,75";4;2$/);
  });

  it('is for admins only: the cohort’s expert, its coordinator and its trainees are refused', async () => {
    for (const token of [world.expert.token, world.coordinator.token, t1.token])
      for (const path of ['learning-gain', 'learning-gain.csv', 'satisfaction', 'satisfaction.csv'])
        await as(token).get(`/reports/${path}?networkId=${networkId}`).expect(403);
  });
});
