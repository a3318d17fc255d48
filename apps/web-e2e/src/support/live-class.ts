import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { apiAs } from './api';
import type { Credentials } from './pages';
import { platform } from './platform';

/**
 * 10:00 UTC on Tuesday 12 January 2027, the start of a class agreed at 10:00 in Casablanca. By the tz
 * database (2026c on), Morocco is at UTC+0 all year since 20 September 2026, so 10:00 there; Toronto
 * is on EST (UTC-5), so 05:00; Alberta keeps UTC-6 all year since 1 November 2026, so 04:00 in
 * Edmonton (it would have been 03:00 under the old winter time, UTC-7).
 */
export const KNOWN_INSTANT = '2027-01-12T10:00:00.000Z';
/** The zone whose wall clock the class at KNOWN_INSTANT keeps. */
export const KNOWN_INSTANT_ZONE = 'Africa/Casablanca';

export interface LiveClass {
  expert: Credentials;
  trainee: Credentials;
  /** A trainee who follows the class from Edmonton. */
  traineeInEdmonton: Credentials;
  /** Starts in five minutes: inside the join window. */
  imminent: { id: string; title: string };
  /** At KNOWN_INSTANT, agreed in KNOWN_INSTANT_ZONE: far outside it. */
  later: { id: string; title: string };
}

/**
 * A class of its own, seeded through the API: an expert in Toronto teaching a cohort at a Moroccan
 * centre, trainees in Casablanca and in Edmonton enrolled in it, and two sessions.
 */
export async function seedLiveClass(): Promise<LiveClass> {
  const suffix = randomBytes(3).toString('hex');
  const admin = await apiAs(platform().admin);
  const post = <T = { id: string }>(path: string, body: unknown) => admin<T>('POST', path, body);

  const network = await post('/api/networks', {
    name: `Réseau aéronautique ${suffix}`,
    country: 'Canada',
    sectorCodes: ['aeronautics'],
  });
  const course = await post('/api/courses', {
    code: `LIVE-${suffix.toUpperCase()}`,
    // Words no other test searches for: the catalogue test counts the courses that match its own.
    title: { fr: 'Freinage des aéronefs', ar: 'أنظمة الفرامل في الطائرات' },
    sectorCode: 'aeronautics',
    networkId: network.id,
    format: 'remote',
    durationHours: 12,
    status: 'published',
  });
  await post(`/api/courses/${course.id}/modules`, {
    title: { fr: 'Circuits de freinage', ar: 'دارات الفرامل' },
    position: 1,
    materials: [
      {
        kind: 'link',
        title: { fr: 'Schémas du circuit (PDF)' },
        url: 'https://files.academy.test/freinage.pdf',
      },
    ],
  });
  const centre = await post('/api/centres', { name: `Kénitra ${suffix}`, city: 'Kénitra' });
  const expert = { email: `expert-${suffix}@academy.test`, password: 'expert-password-1' };
  const trainee = { email: `trainee-${suffix}@academy.test`, password: 'trainee-password-1' };
  const traineeInEdmonton = { email: `trainee-ab-${suffix}@academy.test`, password: 'trainee-password-2' };
  const expertUser = await post('/api/users', {
    ...expert,
    fullName: 'Karim Benjelloun',
    role: 'expert',
    locale: 'fr',
    timeZone: 'America/Toronto',
    networkId: network.id,
  });
  const traineeUser = await post('/api/users', {
    ...trainee,
    fullName: 'Salma Alaoui',
    role: 'trainee',
    locale: 'fr',
    timeZone: 'Africa/Casablanca',
    centreId: centre.id,
  });
  const edmontonUser = await post('/api/users', {
    ...traineeInEdmonton,
    fullName: 'Yassine Tazi',
    role: 'trainee',
    locale: 'fr',
    timeZone: 'America/Edmonton',
    centreId: centre.id,
  });
  const cohort = await post('/api/cohorts', {
    courseId: course.id,
    name: `Kénitra — hydraulique ${suffix}`,
    kind: 'trainees',
    centreId: centre.id,
    capacity: 20,
    startsOn: '2026-01-05',
    endsOn: '2031-12-19',
    teacherIds: [expertUser.id],
  });
  for (const { id } of [traineeUser, edmontonUser])
    await post(`/api/cohorts/${cohort.id}/enrollments`, { userId: id });

  const schedule = async (title: string, startsAt: string, durationMinutes: number, timeZone?: string) => {
    const { items } = await post<{ items: { id: string }[] }>(`/api/cohorts/${cohort.id}/sessions`, {
      title,
      startsAt,
      durationMinutes,
      mode: 'remote',
      timeZone,
    });
    return { id: items[0].id, title };
  };
  return {
    expert,
    trainee,
    traineeInEdmonton,
    imminent: await schedule(
      'Circuits de freinage — en direct',
      new Date(Date.now() + 5 * 60_000).toISOString(),
      60,
    ),
    later: await schedule('Pompes hydrauliques — révision', KNOWN_INSTANT, 90, KNOWN_INSTANT_ZONE),
  };
}

/**
 * After a switch of direction the navigation moves to the other side: waits until the page heading
 * sits clear of it, so that a screenshot shows the settled layout.
 */
export async function waitForSettledLayout(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const navbar = document.querySelector('nav')?.getBoundingClientRect();
    const heading = document.querySelector('main h1')?.getBoundingClientRect();
    if (!navbar || !heading) return false;
    return document.documentElement.dir === 'rtl'
      ? heading.right <= navbar.left
      : heading.left >= navbar.right;
  });
}
