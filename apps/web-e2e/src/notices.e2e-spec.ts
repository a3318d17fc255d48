import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { apiAs, createUser } from './support/api';
import { expectNoAxeViolations } from './support/accessibility';
import { launchBrowser, newPage, PHONE_VIEWPORT } from './support/browser';
import {
  saveScreenshot,
  saveScreenshotsDesktopAndPhone,
  signIn,
  switchLanguage,
  waitForCount,
} from './support/pages';
import { platform } from './support/platform';

/** The bell opened at phone width (opened there, as a phone user does), pictured, then closed. */
async function bellOnPhone(page: Page, name: string): Promise<void> {
  const desktop = page.viewportSize();
  if (!desktop) throw new Error('The page has no viewport');
  await page.setViewportSize(PHONE_VIEWPORT);
  await openBell(page);
  await saveScreenshot(page, name);
  await closeBell(page);
  await page.setViewportSize(desktop);
}

/** The bell again closes its popover. */
async function closeBell(page: Page): Promise<void> {
  await page.getByTestId('notifications-bell').click();
  await page.getByTestId('notifications-popover').waitFor({ state: 'detached' });
}

/** Opens the bell's popover and waits until it has faded in. */
async function openBell(page: Page): Promise<void> {
  await page.getByTestId('notifications-bell').click();
  await page.waitForFunction(() => {
    const popover = document.querySelector('[data-testid="notifications-popover"]');
    return popover !== null && getComputedStyle(popover).opacity === '1';
  });
}

describe('notices', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    page = await newPage(browser);
  });
  afterEach(() => page.context().close());

  it('tells a trainee of their enrollment under the bell, and lets them choose how each kind comes by e-mail', async () => {
    const run = randomBytes(4).toString('hex');
    const trainee = { email: `notices-${run}@academy.test`, password: `password-${run}-1` };
    await createUser(platform().admin, { ...trainee, fullName: 'Salma Benali', role: 'trainee' });
    const admin = await apiAs(platform().admin);
    const network = await admin<{ id: string }>('POST', '/api/networks', {
      name: `Réseau avis ${run}`,
      country: 'Canada',
      sectorCodes: ['aeronautics'],
    });
    const centre = await admin<{ id: string }>('POST', '/api/centres', { name: `Salé ${run}`, city: 'Salé' });
    const course = await admin<{ id: string }>('POST', '/api/courses', {
      code: `AVIS-${run}`,
      title: { fr: 'Câblage aéronautique', ar: 'الأسلاك في الطائرات' },
      sectorCode: 'aeronautics',
      networkId: network.id,
      format: 'remote',
      durationHours: 20,
      status: 'published',
    });
    const cohort = await admin<{ id: string }>('POST', '/api/cohorts', {
      courseId: course.id,
      name: `Cohorte Salé ${run}`,
      kind: 'trainees',
      centreId: centre.id,
      capacity: 10,
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      teacherIds: [],
    });
    const me = await (await apiAs(trainee))<{ id: string }>('GET', '/api/me');
    await admin('POST', `/api/cohorts/${cohort.id}/enrollments`, { userId: me.id });

    await signIn(page, trainee);
    await switchLanguage(page, 'fr');
    // The bell: the enrollment, worded from its kind in the reader's language.
    await page.getByTestId('notifications-unread').filter({ hasText: /^1$/ }).waitFor();
    await openBell(page);
    const notice = page.getByTestId('notification-item');
    await waitForCount(notice, 1);
    expect(await notice.innerText()).toContain(
      `Vous êtes inscrit(e) dans « Cohorte Salé ${run} » (Câblage aéronautique).`,
    );
    await expectNoAxeViolations(page, 'notifications popover');
    await saveScreenshot(page, 'notices-bell-fr-desktop');
    await closeBell(page);
    await bellOnPhone(page, 'notices-bell-fr-phone');

    // The profile: a choice per kind, from the keyboard, saved at once and said so.
    await page.getByTestId('nav-profile').click();
    const section = page.getByTestId('notice-preferences');
    const created = section.getByLabel('Nouvelle séance', { exact: true });
    await created.waitFor();
    expect(await created.inputValue()).toBe('immediate');
    await expectNoAxeViolations(page, 'profile with notice preferences');
    const [saved] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().endsWith('/api/me/notification-preferences') && r.request().method() === 'PUT',
      ),
      created.selectOption('digest'),
    ]);
    expect(saved.status()).toBe(200);
    await section
      .getByTestId('notice-preferences-saved')
      .filter({ hasText: 'Choix enregistré : Nouvelle séance — Résumé quotidien.' })
      .waitFor();
    await section.scrollIntoViewIfNeeded();
    await saveScreenshotsDesktopAndPhone(page, 'notices-preferences-fr');

    // Kept on reload, and in Arabic, right to left.
    await page.reload();
    await switchLanguage(page, 'ar');
    const createdAr = page.getByTestId('notice-preferences').getByLabel('حصة جديدة', { exact: true });
    await createdAr.waitFor();
    expect(await createdAr.inputValue()).toBe('digest');
    await page.getByRole('heading', { name: 'الإشعارات بالبريد الإلكتروني', exact: true }).waitFor();
    await expectNoAxeViolations(page, 'profile with notice preferences');
    await saveScreenshotsDesktopAndPhone(page, 'notices-preferences-ar');
    await openBell(page);
    expect(await page.getByTestId('notification-item').innerText()).toContain(
      `تم تسجيلك في «Cohorte Salé ${run}» (الأسلاك في الطائرات).`,
    );
    await expectNoAxeViolations(page, 'notifications popover');
    await closeBell(page);
    await bellOnPhone(page, 'notices-bell-ar-phone');
  });
});
