import { strFromU8, unzipSync } from 'fflate';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { createCohortWorld, type CohortWorld } from './support/cohort-world';
import { samplePdf } from './support/material-samples';
import { TestApp, type TestUser } from './support/test-app';

const HOUR = 3600_000;

/**
 * A cohort's announcements and question board: who reads and writes by role, notices to the
 * trainees, audited edits, deletions and moderation, the accept and pin rules, and the list of
 * questions left without an answer for 48 hours.
 */
describe('Cohort board (e2e)', () => {
  let sut: TestApp;
  let world: CohortWorld;
  let callers: Record<string, string>;
  let withdrawn: TestUser;
  let otherCoordinator: TestUser;
  let otherExpert: TestUser;

  const as = (token: string) => ({
    get: (path: string) => sut.http.get(`/api${path}`).auth(token, { type: 'bearer' }),
    post: (path: string, body: object = {}) =>
      sut.http.post(`/api${path}`).auth(token, { type: 'bearer' }).send(body),
    patch: (path: string, body: object) =>
      sut.http.patch(`/api${path}`).auth(token, { type: 'bearer' }).send(body),
    delete: (path: string) => sut.http.delete(`/api${path}`).auth(token, { type: 'bearer' }),
  });
  const audit = async (entityId: string) =>
    (await sut.dataSource.query(
      `SELECT action, actor_id AS "actorId", reason, data FROM audit_log WHERE entity_id = $1 ORDER BY created_at, id`,
      [entityId],
    )) as { action: string; actorId: string; reason: string | null; data: Record<string, unknown> }[];
  const notices = async (userId: string, kind: string) =>
    (await sut.dataSource.query(`SELECT params FROM notifications WHERE user_id = $1 AND kind = $2`, [
      userId,
      kind,
    ])) as { params: Record<string, unknown> }[];

  beforeAll(async () => {
    sut = await TestApp.start();
    world = await createCohortWorld(sut, 3);
    withdrawn = world.trainees[2];
    await as(world.admin).delete(`/cohorts/${world.cohortId}/enrollments/${withdrawn.id}`).expect(200);
    const otherCentre = await as(world.admin)
      .post('/centres', { name: `Centre ${randomUUID().slice(0, 6)}`, city: 'Oujda' })
      .expect(201);
    otherCoordinator = await sut.createUser('coordinator', { centreId: otherCentre.body.id });
    otherExpert = await sut.createUser('expert');
    callers = {
      admin: world.admin,
      'teacher of the cohort': world.expert.token,
      'coordinator of the centre': world.coordinator.token,
      'enrolled trainee': world.trainees[0].token,
      'withdrawn trainee': withdrawn.token,
      'trainee not enrolled': world.outsider.token,
      'another expert': otherExpert.token,
      'coordinator of another centre': otherCoordinator.token,
    };
  });

  afterAll(() => sut.close());

  /** The status each caller gets from `call`, by caller. */
  const statuses = async (call: (token: string) => Promise<{ status: number }>) => {
    const answers: Record<string, number> = {};
    for (const [caller, token] of Object.entries(callers)) answers[caller] = (await call(token)).status;
    return answers;
  };
  const OUTSIDERS = {
    'withdrawn trainee': 404,
    'trainee not enrolled': 404,
    'another expert': 404,
    'coordinator of another centre': 404,
  };

  describe('announcements', () => {
    it('are read by the cohort’s trainees and staff, and do not exist for anyone else', async () => {
      expect(await statuses((token) => as(token).get(`/cohorts/${world.cohortId}/announcements`))).toEqual({
        admin: 200,
        'teacher of the cohort': 200,
        'coordinator of the centre': 200,
        'enrolled trainee': 200,
        ...OUTSIDERS,
      });
    });

    it('are posted by admins, the cohort’s teachers and its coordinator; a trainee gets 403, an outsider 404', async () => {
      const answers = await statuses((token) =>
        as(token).post(`/cohorts/${world.cohortId}/announcements`, { title: 'Essai', body: 'Texte' }),
      );
      expect(answers).toEqual({
        admin: 201,
        'teacher of the cohort': 201,
        'coordinator of the centre': 201,
        'enrolled trainee': 403,
        ...OUTSIDERS,
      });
      const refused = await as(world.trainees[0].token)
        .post(`/cohorts/${world.cohortId}/announcements`, { title: 'x', body: 'y' })
        .expect(403);
      expect(refused.body.code).toBe('board-staff-only');
    });

    it('tells each trainee of a new announcement, with its files from the course, which they can download', async () => {
      const moduleId = (
        await as(world.admin)
          .post(`/courses/${world.courseId}/modules`, { title: { fr: 'Module 1' }, position: 1 })
          .expect(201)
      ).body.id;
      const material = (
        await sut.http
          .post(`/api/courses/${world.courseId}/modules/${moduleId}/materials`)
          .auth(world.admin, { type: 'bearer' })
          .field('title', 'Guide')
          .attach('file', samplePdf('guide'), 'guide.pdf')
          .expect(201)
      ).body;
      const posted = await as(world.expert.token)
        .post(`/cohorts/${world.cohortId}/announcements`, {
          title: '  Séance de jeudi avancée  ',
          body: '**Important** : lisez le *guide* avant jeudi.\n- chapitre 1\n- chapitre 2',
          materialIds: [material.id],
        })
        .expect(201);
      expect(posted.body).toMatchObject({
        title: 'Séance de jeudi avancée',
        author: { id: world.expert.id, teacher: true },
        attachments: [{ id: material.id, fileName: 'guide.pdf', url: `/api/materials/${material.id}/file` }],
        editedAt: null,
      });

      const list = await as(world.trainees[0].token)
        .get(`/cohorts/${world.cohortId}/announcements`)
        .expect(200);
      expect(list.body.items[0]).toMatchObject({ id: posted.body.id, body: posted.body.body });
      expect(list.body.permissions).toEqual({ announce: false, ask: true, lead: false, moderate: false });
      await as(world.trainees[0].token).get(`/materials/${material.id}/file`).expect(200);

      for (const trainee of world.trainees.slice(0, 2))
        expect(await notices(trainee.id, 'announcement-posted')).toContainEqual({
          params: {
            cohortId: world.cohortId,
            cohortName: expect.stringMatching(/^Cohorte /),
            announcementId: posted.body.id,
            title: 'Séance de jeudi avancée',
          },
        });
      // Neither the withdrawn trainee nor the author is told.
      expect(
        (await notices(withdrawn.id, 'announcement-posted')).filter(
          (n) => n.params.announcementId === posted.body.id,
        ),
      ).toEqual([]);
      expect(await notices(world.expert.id, 'announcement-posted')).toEqual([]);
    });

    it('refuses files of another course, and blank titles', async () => {
      const otherCourse = await as(world.admin)
        .post('/courses', {
          code: `OTHER-${randomUUID().slice(0, 6)}`,
          title: { fr: 'Autre' },
          sectorCode: 'health',
          networkId: (await as(world.admin).get(`/courses/${world.courseId}`).expect(200)).body.networkId,
          format: 'remote',
          durationHours: 2,
          status: 'published',
        })
        .expect(201);
      const moduleId = (
        await as(world.admin)
          .post(`/courses/${otherCourse.body.id}/modules`, { title: { fr: 'M' }, position: 1 })
          .expect(201)
      ).body.id;
      const stranger = (
        await sut.http
          .post(`/api/courses/${otherCourse.body.id}/modules/${moduleId}/materials`)
          .auth(world.admin, { type: 'bearer' })
          .attach('file', samplePdf('other'), 'other.pdf')
          .expect(201)
      ).body;
      const refused = await as(world.expert.token)
        .post(`/cohorts/${world.cohortId}/announcements`, {
          title: 'T',
          body: 'B',
          materialIds: [stranger.id],
        })
        .expect(400);
      expect(refused.body.code).toBe('attachment-not-of-course');
      const blank = await as(world.expert.token)
        .post(`/cohorts/${world.cohortId}/announcements`, { title: '   ', body: 'B' })
        .expect(400);
      expect(JSON.stringify(blank.body.message)).toContain('title');
    });

    it('audits an edit with the title before and after, and a deletion; a deleted one is gone for readers', async () => {
      const posted = await as(world.coordinator.token)
        .post(`/cohorts/${world.cohortId}/announcements`, { title: 'Avant', body: 'Texte' })
        .expect(201);
      const id = posted.body.id as string;
      expect(await statuses((token) => as(token).patch(`/announcements/${id}`, { title: 'Essai' }))).toEqual({
        admin: 200,
        'teacher of the cohort': 200,
        'coordinator of the centre': 200,
        'enrolled trainee': 403,
        ...OUTSIDERS,
      });
      const edited = await as(world.expert.token)
        .patch(`/announcements/${id}`, { title: 'Après' })
        .expect(200);
      expect(edited.body.title).toBe('Après');
      expect(edited.body.editedAt).not.toBeNull();
      expect(await audit(id)).toContainEqual(
        expect.objectContaining({
          action: 'announcement.edited',
          actorId: world.expert.id,
          data: expect.objectContaining({ before: { title: 'Essai' }, after: { title: 'Après' } }),
        }),
      );

      await as(world.trainees[0].token).delete(`/announcements/${id}`).expect(403);
      await as(otherCoordinator.token).delete(`/announcements/${id}`).expect(404);
      await as(world.admin).delete(`/announcements/${id}`).expect(204);
      expect(await audit(id)).toContainEqual(
        expect.objectContaining({
          action: 'announcement.deleted',
          data: expect.objectContaining({ title: 'Après' }),
        }),
      );
      const list = await as(world.trainees[0].token)
        .get(`/cohorts/${world.cohortId}/announcements`)
        .expect(200);
      expect(list.body.items.map((a: { id: string }) => a.id)).not.toContain(id);
      const again = await as(world.admin).patch(`/announcements/${id}`, { title: 'x' }).expect(404);
      expect(again.body.code).toBe('announcement-not-found');
    });
  });

  describe('questions', () => {
    const ask = (who: string, body = 'Quelle pression pour les pneus ?') =>
      as(who).post(`/cohorts/${world.cohortId}/questions`, { body });

    it('are asked by the cohort’s trainees only, and read by its members', async () => {
      expect(await statuses((token) => ask(token))).toEqual({
        admin: 403,
        'teacher of the cohort': 403,
        'coordinator of the centre': 403,
        'enrolled trainee': 201,
        ...OUTSIDERS,
      });
      expect(await statuses((token) => as(token).get(`/cohorts/${world.cohortId}/questions`))).toEqual({
        admin: 200,
        'teacher of the cohort': 200,
        'coordinator of the centre': 200,
        'enrolled trainee': 200,
        ...OUTSIDERS,
      });
      const refused = await ask(world.expert.token).expect(403);
      expect(refused.body.code).toBe('board-trainees-only');
    });

    it('are answered by anyone of the cohort; the asker is told; the teacher accepts and pins', async () => {
      const asker = world.trainees[0];
      const question = (await ask(asker.token, 'Comment lire un NOTAM ?').expect(201)).body;
      expect(question).toMatchObject({
        author: { id: asker.id, teacher: false },
        pinned: false,
        answers: [],
      });

      await as(otherExpert.token).post(`/questions/${question.id}/answers`, { body: 'x' }).expect(404);
      const byPeer = await as(world.trainees[1].token)
        .post(`/questions/${question.id}/answers`, { body: 'Voir le module 2' })
        .expect(201);
      const byTeacher = await as(world.expert.token)
        .post(`/questions/${question.id}/answers`, { body: 'Commencez par le **lieu** et la *date*.' })
        .expect(201);
      expect(byTeacher.body.answers).toHaveLength(2);
      const teacherAnswer = byTeacher.body.answers[1];
      expect(teacherAnswer.author).toMatchObject({ id: world.expert.id, teacher: true });
      expect(byPeer.body.answers[0].author.teacher).toBe(false);
      expect(await notices(asker.id, 'question-answered')).toContainEqual({
        params: { cohortId: world.cohortId, questionId: question.id, question: 'Comment lire un NOTAM ?' },
      });
      // The asker is not told of their own answer.
      await as(asker.token).post(`/questions/${question.id}/answers`, { body: 'Merci' }).expect(201);
      expect(
        (await notices(asker.id, 'question-answered')).filter((n) => n.params.questionId === question.id),
      ).toHaveLength(2);

      const accept = (token: string) =>
        as(token).post(`/questions/${question.id}/accept`, { answerId: teacherAnswer.id });
      expect(await statuses(accept)).toEqual({
        admin: 200,
        'teacher of the cohort': 200,
        'coordinator of the centre': 403,
        'enrolled trainee': 403,
        ...OUTSIDERS,
      });
      const seen = await as(asker.token).get(`/cohorts/${world.cohortId}/questions`).expect(200);
      const mine = seen.body.items.find((q: { id: string }) => q.id === question.id);
      expect(mine.acceptedAnswerId).toBe(teacherAnswer.id);
      expect(mine.answers.find((a: { accepted: boolean }) => a.accepted).id).toBe(teacherAnswer.id);
      expect(await audit(question.id)).toContainEqual(
        expect.objectContaining({
          action: 'question.answer-accepted',
          data: expect.objectContaining({ answerId: teacherAnswer.id }),
        }),
      );

      // An answer of another question is refused.
      const other = (await ask(world.trainees[1].token, 'Autre question').expect(201)).body;
      const wrong = await as(world.expert.token)
        .post(`/questions/${other.id}/accept`, { answerId: teacherAnswer.id })
        .expect(400);
      expect(wrong.body.code).toBe('answer-not-of-question');

      const pin = (token: string) => as(token).post(`/questions/${other.id}/pin`, { pinned: true });
      expect(await statuses(pin)).toEqual({
        admin: 200,
        'teacher of the cohort': 200,
        'coordinator of the centre': 403,
        'enrolled trainee': 403,
        ...OUTSIDERS,
      });
      const pinned = await as(asker.token).get(`/cohorts/${world.cohortId}/questions`).expect(200);
      expect(pinned.body.items[0]).toMatchObject({ id: other.id, pinned: true });
      await as(world.expert.token).post(`/questions/${other.id}/pin`, { pinned: false }).expect(200);
    });

    it('hides and restores questions and answers for trainees, audited with the reason; staff see them marked', async () => {
      const question = (await ask(world.trainees[1].token, 'Message hors sujet').expect(201)).body;
      const answer = (
        await as(world.trainees[0].token)
          .post(`/questions/${question.id}/answers`, { body: 'Réponse à masquer' })
          .expect(201)
      ).body.answers[0];
      const hide = (token: string) =>
        as(token).post(`/questions/${question.id}/hide`, { reason: 'Hors sujet' });
      const refused = await hide(world.trainees[0].token).expect(403);
      expect(refused.body.code).toBe('board-staff-only');
      expect(await statuses(hide)).toEqual({
        admin: 200,
        'teacher of the cohort': 200,
        'coordinator of the centre': 200,
        // Hidden by then: for a trainee it no longer exists.
        'enrolled trainee': 404,
        ...OUTSIDERS,
      });
      await as(world.coordinator.token).post(`/questions/${question.id}/hide`, { reason: '  ' }).expect(400);

      const forTrainee = await as(world.trainees[0].token)
        .get(`/cohorts/${world.cohortId}/questions`)
        .expect(200);
      expect(forTrainee.body.items.map((q: { id: string }) => q.id)).not.toContain(question.id);
      await as(world.trainees[0].token).post(`/questions/${question.id}/answers`, { body: 'x' }).expect(404);
      const forStaff = await as(world.coordinator.token)
        .get(`/cohorts/${world.cohortId}/questions?pageSize=100`)
        .expect(200);
      expect(forStaff.body.items.find((q: { id: string }) => q.id === question.id)).toMatchObject({
        hidden: true,
        hiddenReason: 'Hors sujet',
      });
      expect(await audit(question.id)).toContainEqual(
        expect.objectContaining({
          action: 'question.hidden',
          actorId: expect.any(String),
          reason: 'Hors sujet',
        }),
      );

      await as(world.coordinator.token).post(`/questions/${question.id}/restore`).expect(200);
      await as(world.expert.token).post(`/answers/${answer.id}/hide`, { reason: 'Insultant' }).expect(200);
      const back = await as(world.trainees[1].token)
        .get(`/cohorts/${world.cohortId}/questions?pageSize=100`)
        .expect(200);
      const restored = back.body.items.find((q: { id: string }) => q.id === question.id);
      expect(restored).toMatchObject({ hidden: false, hiddenReason: null, answers: [] });
      await as(world.trainees[0].token).post(`/answers/${answer.id}/hide`, { reason: 'x' }).expect(403);
      await as(otherExpert.token).post(`/answers/${answer.id}/restore`).expect(404);
      await as(world.admin).post(`/answers/${answer.id}/restore`).expect(200);
      expect((await audit(answer.id)).map((e) => [e.action, e.reason])).toEqual([
        ['answer.hidden', 'Insultant'],
        ['answer.restored', null],
      ]);
    });

    it('takes one file from the asker, with the types of course materials, served to the cohort only', async () => {
      const asker = world.trainees[0];
      const question = (await ask(asker.token, 'Voici ma photo du train').expect(201)).body;
      const attach = (token: string, bytes: Buffer, name: string) =>
        sut.http
          .put(`/api/questions/${question.id}/attachment`)
          .auth(token, { type: 'bearer' })
          .attach('file', bytes, { filename: name, contentType: 'application/octet-stream' });

      const refused = await attach(asker.token, Buffer.from('plain text, no known type'), 'note.pdf').expect(
        415,
      );
      expect(refused.body.code).toBe('file-type-not-allowed');
      const notMine = await attach(world.trainees[1].token, samplePdf('x'), 'x.pdf').expect(403);
      expect(notMine.body.code).toBe('question-asker-only');
      await attach(otherExpert.token, samplePdf('x'), 'x.pdf').expect(404);

      const attached = await attach(asker.token, samplePdf('train'), 'train atterrissage.pdf').expect(200);
      expect(attached.body.attachment).toMatchObject({
        fileName: 'train atterrissage.pdf',
        contentType: 'application/pdf',
        url: `/api/questions/${question.id}/attachment`,
      });
      const download = (token: string) =>
        sut.http.get(`/api/questions/${question.id}/attachment`).auth(token, { type: 'bearer' });
      expect(await statuses(download)).toEqual({
        admin: 200,
        'teacher of the cohort': 200,
        'coordinator of the centre': 200,
        'enrolled trainee': 200,
        ...OUTSIDERS,
      });
      const file = await download(world.trainees[1].token).buffer(true).expect(200);
      expect(Buffer.compare(file.body as Buffer, samplePdf('train'))).toBe(0);

      // Hidden, the question's file goes with it for trainees.
      await as(world.expert.token)
        .post(`/questions/${question.id}/hide`, { reason: 'Hors sujet' })
        .expect(200);
      await download(world.trainees[1].token).expect(404);
      await download(world.coordinator.token).expect(200);
    });

    it('lists for staff the questions with no visible answer for 48 hours, and counts them', async () => {
      const cohortId = await world.addCohort();
      const old = (
        await as(world.trainees[0].token)
          .post(`/cohorts/${cohortId}/questions`, { body: 'Ancienne' })
          .expect(201)
      ).body;
      const answered = (
        await as(world.trainees[0].token)
          .post(`/cohorts/${cohortId}/questions`, { body: 'Répondue' })
          .expect(201)
      ).body;
      await as(world.trainees[0].token)
        .post(`/cohorts/${cohortId}/questions`, { body: 'Récente' })
        .expect(201);
      const hiddenAnswer = (
        await as(world.trainees[1].token)
          .post(`/questions/${old.id}/answers`, { body: 'masquée' })
          .expect(201)
      ).body.answers[0];
      await as(world.expert.token).post(`/answers/${hiddenAnswer.id}/hide`, { reason: 'Faux' }).expect(200);
      await as(world.expert.token).post(`/questions/${answered.id}/answers`, { body: 'Oui' }).expect(201);
      await sut.dataSource.query(`UPDATE cohort_questions SET created_at = $2 WHERE id = ANY($1)`, [
        [old.id, answered.id],
        new Date(Date.now() - 49 * HOUR),
      ]);

      for (const token of [world.expert.token, world.coordinator.token]) {
        const waiting = await as(token).get(`/cohorts/${cohortId}/questions?waiting=true`).expect(200);
        expect(waiting.body.items.map((q: { id: string }) => q.id)).toEqual([old.id]);
        expect(waiting.body.items[0].waiting).toBe(true);
        expect(waiting.body.waitingCount).toBe(1);
      }
      const forTrainee = await as(world.trainees[0].token).get(`/cohorts/${cohortId}/questions`).expect(200);
      expect(forTrainee.body.waitingCount).toBeNull();
      const refused = await as(world.trainees[0].token)
        .get(`/cohorts/${cohortId}/questions?waiting=true`)
        .expect(403);
      expect(refused.body.code).toBe('board-staff-only');
    });
  });

  it('puts what a person wrote on the board, hidden posts included, in their data export', async () => {
    const binary = (res: Response, done: (error: Error | null, body: Buffer) => void) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    };
    const res = await sut.http
      .get('/api/me/export')
      .auth(world.trainees[1].token, { type: 'bearer' })
      .buffer(true)
      .parse(binary)
      .expect(200);
    const data = JSON.parse(strFromU8(unzipSync(new Uint8Array(res.body as Buffer))['data.json']));
    expect(data.boardPosts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'question', body: 'Message hors sujet', removed: false }),
        expect.objectContaining({ kind: 'answer', body: 'Voir le module 2', removed: false }),
      ]),
    );
  });
});
