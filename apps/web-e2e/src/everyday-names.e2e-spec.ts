import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { apiAs } from './support/api';
import { launchBrowser, newPage } from './support/browser';
import { waitForSettledLayout } from './support/live-class';
import { saveScreenshotsDesktopAndPhone, signIn, switchLanguage, type Credentials } from './support/pages';
import { platform } from './support/platform';

const HOUR = 3_600_000;

/**
 * Names of networks, centres and countries, and session titles, in the reader's language; the
 * cohort's teachers and sessions; a trainee's past sessions with their own attendance.
 */
describe('names in the reader’s language', () => {
  let browser: Browser;
  let page: Page;
  const suffix = randomBytes(3).toString('hex');
  let trainee: Credentials;
  let cohortId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = await apiAs(platform().admin);
    const post = <T = { id: string }>(path: string, body: unknown) => admin<T>('POST', path, body);
    const network = await post('/api/networks', {
      // "Aé…" sorts before the other tests' networks: on the first page of the list.
      names: { fr: `Aéronautique Canada ${suffix}`, ar: `شبكة الطيران بكندا ${suffix}` },
      countryCode: 'CA',
      sectorCodes: ['aeronautics'],
    });
    const centre = await post('/api/centres', {
      names: { fr: `Centre de Kénitra ${suffix}`, ar: `مركز القنيطرة ${suffix}` },
      city: 'Kénitra',
    });
    const course = await post('/api/courses', {
      code: `NAMES-${suffix.toUpperCase()}`,
      title: { fr: 'Trains d’atterrissage', ar: 'أنظمة الهبوط' },
      sectorCode: 'aeronautics',
      networkId: network.id,
      format: 'remote',
      durationHours: 12,
      status: 'published',
    });
    const expert = await post('/api/users', {
      email: `expert-names-${suffix}@academy.test`,
      password: 'expert-password-1',
      fullName: 'Karim Benjelloun',
      role: 'expert',
      timeZone: 'America/Toronto',
      networkId: network.id,
    });
    trainee = { email: `trainee-names-${suffix}@academy.test`, password: 'trainee-password-1' };
    const traineeUser = await post('/api/users', {
      ...trainee,
      fullName: 'Salma Alaoui',
      role: 'trainee',
      locale: 'fr',
      timeZone: 'Africa/Casablanca',
      centreId: centre.id,
    });
    cohortId = (
      await post('/api/cohorts', {
        courseId: course.id,
        name: `Kénitra — atterrissage ${suffix}`,
        kind: 'trainees',
        centreId: centre.id,
        capacity: 20,
        startsOn: '2026-01-05',
        endsOn: '2031-12-19',
        teacherIds: [expert.id],
      })
    ).id;
    await post(`/api/cohorts/${cohortId}/enrollments`, { userId: traineeUser.id });
    const session = async (titles: Record<string, string>, startsAt: number) =>
      (
        await post<{ items: { id: string }[] }>(`/api/cohorts/${cohortId}/sessions`, {
          titles,
          startsAt: new Date(startsAt).toISOString(),
          durationMinutes: 60,
          mode: 'hybrid',
        })
      ).items[0].id;
    const held = await session(
      { fr: 'Vérins et amortisseurs', ar: 'الرافعات والمخمدات' },
      Date.now() - 3 * HOUR,
    );
    await session(
      { fr: 'Freins à disques', ar: 'المكابح القرصية', en: 'Disc brakes' },
      Date.now() + 30 * HOUR,
    );
    // She came to the centre for the held one.
    await post(`/api/sessions/${held}/attendance/check-in`, { userId: traineeUser.id });
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    page = await newPage(browser);
  });
  afterEach(() => page.context().close());

  it('shows an admin the networks and centres in French and in Arabic, countries named by the browser', async () => {
    await signIn(page, platform().admin);
    // The shared admin's profile keeps the last language another test chose: start from French.
    await switchLanguage(page, 'fr');
    await page.goto('/admin/networks');
    const row = page.getByTestId('network-row-name').filter({ hasText: suffix });
    await row.waitFor();
    expect(await row.innerText()).toBe(`Aéronautique Canada ${suffix}`);
    const country = page.locator('tr', { has: row }).getByTestId('network-row-country');
    expect(await country.innerText()).toBe('Canada');
    await saveScreenshotsDesktopAndPhone(page, 'networks-fr');

    await switchLanguage(page, 'ar');
    await waitForSettledLayout(page);
    const arabic = page.getByTestId('network-row-name').filter({ hasText: `شبكة الطيران بكندا ${suffix}` });
    await arabic.waitFor();
    expect(await page.locator('tr', { has: arabic }).getByTestId('network-row-country').innerText()).toBe(
      'كندا',
    );
    await saveScreenshotsDesktopAndPhone(page, 'networks-ar');

    // A new network: its names by language, its country picked by its Arabic name.
    await page.getByTestId('network-create').click();
    await page.getByTestId('network-name-ar').fill(`شبكة ألمانيا ${suffix}`);
    await page.getByTestId('network-name-fr').fill(`Allemagne compétences ${suffix}`);
    await page.getByTestId('network-country').fill('ألما');
    await page.getByRole('option', { name: 'ألمانيا', exact: true }).click();
    await saveScreenshotsDesktopAndPhone(page, 'network-form-ar');
    await page.getByTestId('network-save').click();
    const created = page.getByTestId('network-row-name').filter({ hasText: `شبكة ألمانيا ${suffix}` });
    await created.waitFor();
    expect(await page.locator('tr', { has: created }).getByTestId('network-row-country').innerText()).toBe(
      'ألمانيا',
    );

    await page.goto('/admin/centres');
    await page
      .getByTestId('centre-row-name')
      .filter({ hasText: `مركز القنيطرة ${suffix}` })
      .waitFor();
    await saveScreenshotsDesktopAndPhone(page, 'centres-ar');
  });

  it('shows the cohort’s teachers and its sessions on its page', async () => {
    await signIn(page, platform().admin);
    // The admin's language is saved to the profile: the other test may have left it in Arabic.
    await switchLanguage(page, 'fr');
    await page.goto(`/cohorts/${cohortId}`);
    await page.getByTestId('cohort-teacher').waitFor();
    expect(await page.getByTestId('cohort-teacher').allInnerTexts()).toEqual(['Karim Benjelloun']);
    await page.getByTestId('cohort-session-title').first().waitFor();
    expect(await page.getByTestId('cohort-session-title').allInnerTexts()).toEqual([
      'Vérins et amortisseurs',
      'Freins à disques',
    ]);
    await saveScreenshotsDesktopAndPhone(page, 'cohort-teachers-sessions-fr');
    await switchLanguage(page, 'ar');
    await waitForSettledLayout(page);
    await page.getByTestId('cohort-session-title').filter({ hasText: 'المكابح القرصية' }).waitFor();
    await saveScreenshotsDesktopAndPhone(page, 'cohort-teachers-sessions-ar');
  });

  it('shows a trainee session titles in her language, the teacher, and her attendance in past sessions', async () => {
    await signIn(page, trainee);
    await page.goto('/schedule');
    const card = page.getByTestId('session-card').filter({ hasText: 'Freins à disques' });
    await card.waitFor();
    expect(await card.getByTestId('session-teachers').innerText()).toBe('Avec Karim Benjelloun');
    const past = page.getByTestId('past-session').filter({ hasText: 'Vérins et amortisseurs' });
    await past.getByTestId('past-session-status').waitFor();
    // textContent: the badge draws its words in capitals.
    expect(await past.getByTestId('past-session-status').textContent()).toMatch(/^Présent · 100\s%$/);
    await saveScreenshotsDesktopAndPhone(page, 'schedule-past-fr');

    await switchLanguage(page, 'ar');
    await waitForSettledLayout(page);
    await page.getByTestId('session-card').filter({ hasText: 'المكابح القرصية' }).waitFor();
    const pastAr = page.getByTestId('past-session').filter({ hasText: 'الرافعات والمخمدات' });
    await pastAr.getByTestId('past-session-status').waitFor();
    expect(await pastAr.getByTestId('past-session-status').textContent()).toContain('حاضر');
    await saveScreenshotsDesktopAndPhone(page, 'schedule-past-ar');
  });
});
