import { randomUUID } from 'node:crypto';
import { createCohortWorld, type CohortWorld } from './support/cohort-world';
import { samplePdf } from './support/material-samples';
import { TestApp, type TestUser } from './support/test-app';

interface AuditEntry {
  action: string;
  actorId: string | null;
  entity: string;
  entityId: string;
  reason: string | null;
  data: Record<string, unknown>;
}

describe('Course materials: order, done marks, progress and audit (e2e)', () => {
  let sut: TestApp;
  let world: CohortWorld;
  let courseExpert: TestUser;
  let otherExpert: TestUser;
  let moduleId: string;
  let files: string[];

  const upload = async (fileName: string, target = moduleId) =>
    (
      await sut.http
        .post(`/api/courses/${world.courseId}/modules/${target}/materials`)
        .auth(courseExpert.token, { type: 'bearer' })
        .attach('file', samplePdf(fileName), fileName)
        .expect(201)
    ).body.id as string;
  const addModule = async (position: number) =>
    (
      await sut.http
        .post(`/api/courses/${world.courseId}/modules`)
        .auth(world.admin, { type: 'bearer' })
        .send({ title: { fr: `Module ${position}` }, position })
        .expect(201)
    ).body.id as string;
  const order = (token: string, materialIds: string[], target = moduleId) =>
    sut.http
      .put(`/api/courses/${world.courseId}/modules/${target}/materials/order`)
      .auth(token, { type: 'bearer' })
      .send({ materialIds });
  const listed = async (token: string) => {
    const course = await sut.http
      .get(`/api/courses/${world.courseId}`)
      .auth(token, { type: 'bearer' })
      .expect(200);
    const module = course.body.modules.find((m: { id: string }) => m.id === moduleId);
    return module.materials.map((m: { fileName: string }) => m.fileName) as string[];
  };
  const done = (token: string, id: string) =>
    sut.http.put(`/api/materials/${id}/done`).auth(token, { type: 'bearer' });
  const undone = (token: string, id: string) =>
    sut.http.delete(`/api/materials/${id}/done`).auth(token, { type: 'bearer' });
  const progress = async (token: string) =>
    (await sut.http.get('/api/me/course-progress').auth(token, { type: 'bearer' }).expect(200)).body
      .items as { courseId: string; doneCount: number; totalCount: number; doneMaterialIds: string[] }[];
  const audit = async (query: Record<string, string>) =>
    (
      await sut.http
        .get('/api/audit')
        .query({ ...query, pageSize: 100 })
        .auth(world.admin, { type: 'bearer' })
        .expect(200)
    ).body.items as AuditEntry[];

  beforeAll(async () => {
    sut = await TestApp.start();
    world = await createCohortWorld(sut, 2);
    courseExpert = await sut.createUser('expert');
    otherExpert = await sut.createUser('expert');
    await sut.http
      .patch(`/api/courses/${world.courseId}`)
      .auth(world.admin, { type: 'bearer' })
      .send({ expertIds: [courseExpert.id] })
      .expect(200);
    moduleId = await addModule(1);
    files = [];
    for (const name of ['un.pdf', 'deux.pdf', 'trois.pdf']) files.push(await upload(name));
  });

  afterAll(() => sut.close());

  describe('reordering a module’s files', () => {
    it('lists new uploads last, then in the order an expert of the course sets', async () => {
      expect(await listed(world.trainees[0].token)).toEqual(['un.pdf', 'deux.pdf', 'trois.pdf']);
      const res = await order(courseExpert.token, [files[2], files[0], files[1]]).expect(200);
      expect(res.body.materials.map((m: { id: string }) => m.id)).toEqual([files[2], files[0], files[1]]);
      expect(await listed(world.trainees[0].token)).toEqual(['trois.pdf', 'un.pdf', 'deux.pdf']);
      await order(world.admin, [files[0], files[1], files[2]]).expect(200);
      expect(await listed(world.trainees[0].token)).toEqual(['un.pdf', 'deux.pdf', 'trois.pdf']);
    });

    it('refuses trainees, teachers and experts of other courses, changing nothing', async () => {
      await order(world.trainees[0].token, [files[2], files[1], files[0]]).expect(403);
      await order(world.coordinator.token, [files[2], files[1], files[0]]).expect(403);
      // The expert teaching the cohort is not an author of the course.
      const teacher = await order(world.expert.token, [files[2], files[1], files[0]]);
      expect([403, 404]).toContain(teacher.status);
      const other = await order(otherExpert.token, [files[2], files[1], files[0]]);
      expect([403, 404]).toContain(other.status);
      expect(await listed(world.trainees[0].token)).toEqual(['un.pdf', 'deux.pdf', 'trois.pdf']);
    });

    it('answers 400 unless the ids are exactly the module’s files, each once', async () => {
      const elsewhere = await upload('ailleurs.pdf', await addModule(2));
      for (const ids of [
        [files[1], files[0]], // one missing
        [files[1], files[0], files[2], elsewhere], // one of another module
        [files[1], files[0], randomUUID()], // one unknown instead of a file
      ]) {
        const res = await order(courseExpert.token, ids).expect(400);
        expect(res.body.code).toBe('material-order-mismatch');
      }
      const twice = await order(courseExpert.token, [files[1], files[1], files[0]]).expect(400);
      expect(twice.body.code).toBe('validation-failed');
      await order(courseExpert.token, ['not-an-id', files[0], files[1]]).expect(400);
      expect(await listed(world.trainees[0].token)).toEqual(['un.pdf', 'deux.pdf', 'trois.pdf']);
    });

    it('answers 404 for a module of another course', async () => {
      const other = await createCohortWorld(sut, 0);
      const res = await sut.http
        .put(`/api/courses/${other.courseId}/modules/${moduleId}/materials/order`)
        .auth(world.admin, { type: 'bearer' })
        .send({ materialIds: files });
      expect(res.status).toBe(404);
    });
  });

  describe('marking files done', () => {
    it('counts a trainee’s done files out of the course’s, and a second mark changes nothing', async () => {
      const trainee = world.trainees[0];
      const before = (await progress(trainee.token)).find((p) => p.courseId === world.courseId);
      expect(before).toMatchObject({ doneCount: 0, doneMaterialIds: [] });
      const total = before?.totalCount ?? 0;
      expect(total).toBeGreaterThanOrEqual(3);

      await done(trainee.token, files[0]).expect(204);
      await done(trainee.token, files[0]).expect(204);
      await done(trainee.token, files[2]).expect(204);
      const after = (await progress(trainee.token)).find((p) => p.courseId === world.courseId);
      expect(after).toMatchObject({ doneCount: 2, totalCount: total });
      expect(after?.doneMaterialIds.sort()).toEqual([files[0], files[2]].sort());
      // Another trainee's progress is their own.
      const other = (await progress(world.trainees[1].token)).find((p) => p.courseId === world.courseId);
      expect(other).toMatchObject({ doneCount: 0, totalCount: total });

      await undone(trainee.token, files[2]).expect(204);
      await undone(trainee.token, files[2]).expect(204);
      const back = (await progress(trainee.token)).find((p) => p.courseId === world.courseId);
      expect(back).toMatchObject({ doneCount: 1, doneMaterialIds: [files[0]] });
    });

    it('answers 404 to whoever may not see the material, and for an unknown one', async () => {
      await done(world.outsider.token, files[1]).expect(404);
      await undone(world.outsider.token, files[1]).expect(404);
      await done(otherExpert.token, files[1]).expect(404);
      await done(world.trainees[0].token, randomUUID()).expect(404);
      expect(await progress(world.outsider.token)).toEqual([]);
    });

    it('drops a withdrawn trainee’s access and course from their progress', async () => {
      const leaving = await sut.createUser('trainee', { centreId: world.centreId });
      await sut.http
        .post(`/api/cohorts/${world.cohortId}/enrollments`)
        .auth(world.admin, { type: 'bearer' })
        .send({ userId: leaving.id })
        .expect(201);
      await done(leaving.token, files[1]).expect(204);
      expect((await progress(leaving.token)).map((p) => p.courseId)).toEqual([world.courseId]);
      await sut.http
        .delete(`/api/cohorts/${world.cohortId}/enrollments/${leaving.id}`)
        .auth(world.admin, { type: 'bearer' })
        .expect((res) => expect([200, 204]).toContain(res.status));
      await done(leaving.token, files[0]).expect(404);
      expect(await progress(leaving.token)).toEqual([]);
    });

    it('forgets the marks of a deleted file', async () => {
      const extra = await upload('extra.pdf');
      const trainee = world.trainees[1];
      await done(trainee.token, extra).expect(204);
      const marked = (await progress(trainee.token)).find((p) => p.courseId === world.courseId);
      expect(marked?.doneMaterialIds).toEqual([extra]);
      await sut.http
        .delete(`/api/materials/${extra}`)
        .auth(courseExpert.token, { type: 'bearer' })
        .expect(204);
      const after = (await progress(trainee.token)).find((p) => p.courseId === world.courseId);
      expect(after).toMatchObject({ doneCount: 0, totalCount: (marked?.totalCount ?? 0) - 1 });
    });
  });

  describe('audit trail', () => {
    it('records who uploaded, reordered and deleted which file', async () => {
      const id = await upload('audité.pdf');
      const uploaded = await audit({ entity: 'material', entityId: id });
      expect(uploaded).toEqual([
        expect.objectContaining({
          action: 'material.uploaded',
          actorId: courseExpert.id,
          data: expect.objectContaining({
            courseId: world.courseId,
            moduleId,
            fileName: 'audité.pdf',
            contentType: 'application/pdf',
          }),
        }),
      ]);

      const now = [...files, id].reverse();
      await order(courseExpert.token, now).expect(200);
      const reorders = await audit({ entity: 'course_module', entityId: moduleId });
      expect(reorders[0]).toMatchObject({
        action: 'materials.reordered',
        actorId: courseExpert.id,
        data: { courseId: world.courseId, after: now },
      });
      // A refused order is not recorded.
      await order(courseExpert.token, [id]).expect(400);
      expect(await audit({ entity: 'course_module', entityId: moduleId })).toHaveLength(reorders.length);

      await sut.http.delete(`/api/materials/${id}`).auth(world.admin, { type: 'bearer' }).expect(204);
      const trail = await audit({ entity: 'material', entityId: id });
      expect(trail.map((e) => e.action)).toEqual(['material.deleted', 'material.uploaded']);
      expect(trail[0]).toMatchObject({ actorId: expect.any(String), data: { fileName: 'audité.pdf' } });
    });

    it('records the files deleted with their module', async () => {
      const gone = await addModule(7);
      const id = await upload('avec-module.pdf', gone);
      await sut.http
        .delete(`/api/courses/${world.courseId}/modules/${gone}`)
        .auth(world.admin, { type: 'bearer' })
        .expect(204);
      const trail = await audit({ entity: 'material', entityId: id });
      expect(trail[0]).toMatchObject({ action: 'material.deleted', reason: 'module-removed' });
    });
  });
});
