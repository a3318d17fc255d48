import type { LocalizedText } from '@mre/contracts';
import { apiAs, type ApiCall } from './api';
import type { Credentials } from './pages';
import { platform } from './platform';

export interface CohortSeed {
  /** What the network, the cohort and the course code are named after (`Réseau <label> <tag>`). */
  label: string;
  /** The course code's prefix (`<code>-<tag>`). */
  code: string;
  tag: string;
  country: string;
  sector: string;
  city: string;
  courseTitle: LocalizedText;
  expert: Credentials & { fullName: string; timeZone?: string };
  trainee: Credentials & { fullName: string };
  /** The cohort's dates; by default all of 2026 and 2027. */
  startsOn?: string;
  endsOn?: string;
  /** The expert also writes the course (its files, its quizzes). */
  courseExpert?: boolean;
}

export interface SeededCohort {
  admin: ApiCall;
  expertId: string;
  traineeId: string;
  courseId: string;
  cohortId: string;
}

/**
 * What a browser test of a cohort's pages needs in place, made through the admin API: a network and a
 * centre, an expert teaching a cohort of a published remote course, and a trainee enrolled in it.
 */
export async function seedCohort(seed: CohortSeed): Promise<SeededCohort> {
  const admin = await apiAs(platform().admin);
  const network = await admin<{ id: string }>('POST', '/api/networks', {
    name: `Réseau ${seed.label} ${seed.tag}`,
    country: seed.country,
    sectorCodes: [seed.sector],
  });
  const centre = await admin<{ id: string }>('POST', '/api/centres', {
    name: `Centre ${seed.tag}`,
    city: seed.city,
  });
  const expert = await admin<{ id: string }>('POST', '/api/users', {
    ...seed.expert,
    role: 'expert',
    networkId: network.id,
  });
  const trainee = await admin<{ id: string }>('POST', '/api/users', {
    ...seed.trainee,
    role: 'trainee',
    centreId: centre.id,
  });
  const course = await admin<{ id: string }>('POST', '/api/courses', {
    code: `${seed.code}-${seed.tag}`,
    title: seed.courseTitle,
    sectorCode: seed.sector,
    networkId: network.id,
    format: 'remote',
    durationHours: 12,
    status: 'published',
    ...(seed.courseExpert ? { expertIds: [expert.id] } : {}),
  });
  const cohort = await admin<{ id: string }>('POST', '/api/cohorts', {
    courseId: course.id,
    name: `Cohorte ${seed.label} ${seed.tag}`,
    kind: 'trainees',
    centreId: centre.id,
    capacity: 20,
    startsOn: seed.startsOn ?? '2026-01-01',
    endsOn: seed.endsOn ?? '2027-12-31',
    teacherIds: [expert.id],
  });
  await admin('POST', `/api/cohorts/${cohort.id}/enrollments`, { userId: trainee.id });
  return { admin, expertId: expert.id, traineeId: trainee.id, courseId: course.id, cohortId: cohort.id };
}
