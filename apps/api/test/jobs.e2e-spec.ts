import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { QueueName } from '@/core/queue/queue-name';
import { createCohortWorld, CohortWorld } from './support/cohort-world';
import { TestApp, TestUser } from './support/test-app';

/**
 * GET /jobs/:jobId answers for every kind of job, and to anyone but the person who started a job,
 * whatever their role in its cohort, it is a job that does not exist. No worker runs here: the jobs
 * stay waiting, which is all these rules need.
 */
describe('Jobs (e2e)', () => {
  let sut: TestApp;
  let world: CohortWorld;
  let otherAdmin: TestUser;
  let importJob: string;
  let coordinatorImportJob: string;
  let certificateJob: string;

  const get = (jobId: string, token: string) =>
    sut.http.get(`/api/jobs/${jobId}`).auth(token, { type: 'bearer' });

  const startImport = async (token: string) =>
    (
      await sut.http
        .post(`/api/cohorts/${world.cohortId}/enrollments/import`)
        .auth(token, { type: 'bearer' })
        .attach('file', Buffer.from('email,full_name\njobs-e2e@academy.test,Samir Jobs\n'), 'people.csv')
        .expect(202)
    ).body.jobId as string;

  beforeAll(async () => {
    sut = await TestApp.start();
    world = await createCohortWorld(sut, 1);
    otherAdmin = await sut.createUser('admin');
    importJob = await startImport(world.admin);
    coordinatorImportJob = await startImport(world.coordinator.token);
    certificateJob = (
      await sut.http
        .post(`/api/cohorts/${world.cohortId}/certificates`)
        .auth(world.admin, { type: 'bearer' })
        .expect(202)
    ).body.jobId;
  });

  afterAll(async () => {
    // Left waiting, they would be run by the workers of the test files that come after.
    for (const [queue, id] of [
      [QueueName.EnrollmentImport, importJob],
      [QueueName.EnrollmentImport, coordinatorImportJob],
      [QueueName.CertificateIssue, certificateJob],
    ] as const) {
      await (await sut.app.get<Queue>(getQueueToken(queue)).getJob(id))?.remove();
    }
    await sut.close();
  });

  it('follows an import and a certificate issuing for the one who started them', async () => {
    for (const jobId of [importJob, certificateJob]) {
      expect((await get(jobId, world.admin).expect(200)).body).toEqual({
        id: jobId,
        state: 'waiting',
        progress: 0,
      });
    }
    expect((await get(coordinatorImportJob, world.coordinator.token).expect(200)).body.id).toBe(
      coordinatorImportJob,
    );
  });

  it('answers anyone else as it answers an unknown id, for either kind', async () => {
    const unknown = (await get(randomUUID(), world.admin).expect(404)).body;
    expect(unknown).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'Job not found',
      code: 'job-not-found',
    });
    const others: [string, string][] = [
      [importJob, otherAdmin.token],
      [importJob, world.coordinator.token],
      [importJob, world.trainees[0].token],
      [certificateJob, otherAdmin.token],
      [certificateJob, world.coordinator.token],
      [certificateJob, world.expert.token],
      [certificateJob, world.trainees[0].token],
      // An admin may manage the cohort, not follow the import its coordinator started.
      [coordinatorImportJob, world.admin],
    ];
    for (const [jobId, token] of others) {
      expect({ jobId, body: (await get(jobId, token)).body }).toEqual({ jobId, body: unknown });
    }
  });

  it('refuses an id that is not a UUID', async () => {
    await get('not-a-job', world.admin).expect(400);
  });
});
