import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { apiAs, type ApiCall } from './support/api';
import { expectNoAxeViolations } from './support/accessibility';
import { launchBrowser, newPage } from './support/browser';
import {
  saveScreenshot,
  saveScreenshotsDesktopAndPhone,
  signIn,
  switchLanguage,
  type Credentials,
} from './support/pages';
import { platform } from './support/platform';

interface Seeded {
  sessionId: string;
  /** Teaches the cohort: told of the objection before the class. */
  expert: Credentials;
  /** Enrolled, answers the recording notice and exports their data. */
  trainee: Credentials;
  /** Enrolled too, erased by the admin. */
  erased: Credentials & { id: string };
}

/** A cohort with a class next week and two enrolled trainees, seeded through the API. */
async function seed(admin: ApiCall, run: string): Promise<Seeded> {
  const post = <T = { id: string }>(path: string, body?: unknown) => admin<T>('POST', path, body);
  const network = await post('/api/networks', {
    name: `Réseau vie privée ${run}`,
    country: 'Suisse',
    sectorCodes: ['health'],
  });
  const centre = await post('/api/centres', { name: `Centre vie privée ${run}`, city: 'Kénitra' });
  const course = await post('/api/courses', {
    code: `PRIV-${run.toUpperCase()}`,
    title: { fr: 'Soins infirmiers à distance', ar: 'التمريض عن بعد' },
    sectorCode: 'health',
    networkId: network.id,
    format: 'remote',
    durationHours: 12,
    status: 'published',
  });
  const person = async (fullName: string, role: 'trainee' | 'expert', n: number) => {
    const credentials = { email: `privacy${n}-${run}@academy.test`, password: `password-${run}-${n}` };
    const user = await post('/api/users', {
      ...credentials,
      fullName,
      role,
      locale: 'fr',
      timeZone: 'Africa/Casablanca',
      ...(role === 'trainee' ? { centreId: centre.id } : { networkId: network.id }),
    });
    return { ...credentials, id: user.id };
  };
  const expert = await person('Dr. Karim Alaoui', 'expert', 1);
  const trainee = await person('Salma Benkirane', 'trainee', 2);
  const erased = await person('Youssef Tahiri', 'trainee', 3);
  const cohort = await post('/api/cohorts', {
    courseId: course.id,
    name: `Infirmiers Kénitra ${run}`,
    kind: 'trainees',
    centreId: centre.id,
    capacity: 20,
    startsOn: '2026-01-05',
    endsOn: '2027-06-30',
    teacherIds: [expert.id],
  });
  for (const id of [trainee.id, erased.id])
    await post(`/api/cohorts/${cohort.id}/enrollments`, { userId: id });
  const expertApi = await apiAs({ email: expert.email, password: expert.password });
  const sessions = await expertApi<{ items: Array<{ id: string }> }>(
    'POST',
    `/api/cohorts/${cohort.id}/sessions`,
    {
      title: 'Pansements et suivi',
      startsAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
      durationMinutes: 60,
      mode: 'remote',
    },
  );
  return { sessionId: sessions.items[0].id, expert, trainee, erased };
}

describe("people's data and recording consent", () => {
  let browser: Browser;
  let page: Page;
  let seeded: Seeded;

  beforeAll(async () => {
    browser = await launchBrowser();
    seeded = await seed(await apiAs(platform().admin), randomBytes(3).toString('hex'));
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    page = await newPage(browser);
  });
  afterEach(() => page.context().close());

  it("downloads a trainee's own data from the profile, in French and Arabic", async () => {
    await signIn(page, seeded.trainee);
    await page.goto('/profile');
    const card = page.getByTestId('export-my-data');
    await card.waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByTestId('export-my-data-button').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^mre-academy-personal-data-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(await page.getByTestId('export-my-data-done').innerText()).toBe(
      'Vos données sont téléchargées (fichier ZIP).',
    );
    await card.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'privacy-export-fr');
    await expectNoAxeViolations(page, 'profile with the data export');

    await switchLanguage(page, 'ar');
    expect(await card.innerText()).toContain('تصدير بياناتي');
    await saveScreenshot(page, 'privacy-export-ar');
  });

  it('shows the recording notice before the class and keeps the objection', async () => {
    await signIn(page, seeded.trainee);
    await page.goto(`/sessions/${seeded.sessionId}/classroom`);
    // The profile's language, which the export test may have left in Arabic.
    await switchLanguage(page, 'fr');
    const consent = page.getByTestId('recording-consent');
    await consent.waitFor();
    expect(await consent.innerText()).toContain('Les séances de cette cohorte peuvent être enregistrées');
    await consent.getByTestId('recording-consent-object').click();
    const answer = consent.getByTestId('recording-consent-answer');
    await answer.waitFor();
    expect(await answer.innerText()).toContain('Vous vous êtes opposé·e à l’enregistrement');
    await saveScreenshotsDesktopAndPhone(page, 'recording-consent-fr');
    await expectNoAxeViolations(page, 'pre-join with the recording notice');

    // After a reload the answer is still there, in Arabic too.
    await page.reload();
    await switchLanguage(page, 'ar');
    await page.getByTestId('recording-consent-answer').waitFor();
    expect(await page.getByTestId('recording-consent-answer').innerText()).toContain('اعترضت على تسجيلك');
    await saveScreenshotsDesktopAndPhone(page, 'recording-consent-ar');
  });

  it('tells the teacher before the class who objected to being recorded', async () => {
    await signIn(page, seeded.expert);
    await page.goto(`/sessions/${seeded.sessionId}/classroom`);
    await switchLanguage(page, 'fr');
    const notice = page.getByTestId('recording-objections');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('1 personne s’oppose à l’enregistrement');
    expect(await notice.innerText()).toContain('Salma Benkirane');
    await notice.scrollIntoViewIfNeeded();
    await saveScreenshotsDesktopAndPhone(page, 'recording-objections-host-fr');

    await switchLanguage(page, 'ar');
    expect(await notice.innerText()).toContain('اعترض شخص واحد على التسجيل');
    await saveScreenshotsDesktopAndPhone(page, 'recording-objections-host-ar');
  });

  it('lets an admin erase a person after a reason and a confirmation; they cannot sign in again', async () => {
    await signIn(page, platform().admin);
    await page.goto('/people');
    await page.getByTestId('user-table').waitFor();
    await expectNoAxeViolations(page, 'people page');
    const openDialog = async () => {
      await page.getByTestId('user-search').fill(seeded.erased.email);
      await page
        .getByTestId('user-row')
        .filter({ hasText: seeded.erased.email })
        .getByTestId('user-edit')
        .click();
      await page.getByTestId('person-erase').click();
      return page.getByRole('dialog').filter({ has: page.getByTestId('erase-warning') });
    };

    let dialog = await openDialog();
    await dialog.getByTestId('erase-reason').fill('Demande par courrier du 30 novembre');
    expect(await dialog.getByTestId('erase-confirm').isDisabled()).toBe(true);
    await dialog.getByTestId('erase-understood').check();
    await saveScreenshot(page, 'privacy-erase-fr');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');

    await switchLanguage(page, 'ar');
    dialog = await openDialog();
    expect(await dialog.getByTestId('erase-warning').innerText()).toContain('لا يمكن التراجع عن ذلك');
    await dialog.getByTestId('erase-reason').fill('طلب برسالة بتاريخ 30 نونبر');
    await dialog.getByTestId('erase-understood').check();
    await saveScreenshot(page, 'privacy-erase-ar');
    await dialog.getByTestId('erase-confirm').click();
    expect(await page.getByTestId('person-erased').innerText()).toBe('تم محو البيانات الشخصية.');

    // Listed under the pseudonym, marked erased.
    await page.getByTestId('user-search').fill(`erased-${seeded.erased.id.slice(0, 8)}`);
    await page.getByTestId('user-erased').waitFor();

    const other = await newPage(browser);
    await other.goto('/login');
    await other.getByTestId('login-email').fill(seeded.erased.email);
    await other.getByTestId('login-password').fill(seeded.erased.password);
    await other.getByTestId('login-submit').click();
    await other.getByRole('alert').waitFor();
    expect(new URL(other.url()).pathname).toBe('/login');
    await other.context().close();
  });
});
