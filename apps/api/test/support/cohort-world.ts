import { randomUUID } from 'node:crypto';
import type { ApiDriver, TestUser } from './test-app';

export interface CohortWorld {
  admin: string;
  cohortId: string;
  courseId: string;
  centreId: string;
  expert: TestUser;
  coordinator: TestUser;
  trainees: TestUser[];
  outsider: TestUser;
  /** Another cohort of the same course, teacher and trainees: sessions of one cohort may not overlap. */
  addCohort: () => Promise<string>;
}

/** A cohort at a centre with an expert teaching it, its coordinator and enrolled trainees. */
export async function createCohortWorld(app: ApiDriver, traineeCount = 3): Promise<CohortWorld> {
  const admin = await app.adminToken();
  const post = async (path: string, body: object) =>
    (await app.http.post(path).auth(admin, { type: 'bearer' }).send(body).expect(201)).body;
  const tag = randomUUID().slice(0, 8);
  const network = await post('/api/networks', {
    name: `Network ${tag}`,
    country: 'Canada',
    sectorCodes: ['aeronautics'],
  });
  const centre = await post('/api/centres', { name: `Centre ${tag}`, city: 'Kénitra' });
  const course = await post('/api/courses', {
    code: `LIVE-${tag}`,
    title: { fr: 'Maintenance des trains d’atterrissage' },
    sectorCode: 'aeronautics',
    networkId: network.id,
    format: 'hybrid',
    durationHours: 30,
    status: 'published',
  });
  const expert = await app.createUser('expert', { networkId: network.id, timeZone: 'America/Toronto' });
  const coordinator = await app.createUser('coordinator', { centreId: centre.id });
  const trainees: TestUser[] = [];
  for (let i = 0; i < traineeCount; i++) {
    trainees.push(
      await app.createUser('trainee', { centreId: centre.id, fullName: `Trainee ${i + 1} ${tag}` }),
    );
  }
  const addCohort = async () => {
    const cohort = await post('/api/cohorts', {
      courseId: course.id,
      name: `Cohorte ${tag} ${randomUUID().slice(0, 4)}`,
      kind: 'trainees',
      centreId: centre.id,
      capacity: 30,
      startsOn: '2027-01-01',
      endsOn: '2027-12-31',
      teacherIds: [expert.id],
    });
    for (const trainee of trainees)
      await post(`/api/cohorts/${cohort.id}/enrollments`, { userId: trainee.id });
    return cohort.id as string;
  };
  const outsider = await app.createUser('trainee', { centreId: centre.id });
  return {
    admin,
    cohortId: await addCohort(),
    courseId: course.id,
    centreId: centre.id,
    expert,
    coordinator,
    trainees,
    outsider,
    addCohort,
  };
}
