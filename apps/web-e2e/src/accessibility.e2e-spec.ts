import type { Browser, Page } from 'playwright-core';
import type { Locale } from '@mre/contracts';
import { expectNoAxeViolations } from './support/accessibility';
import { launchBrowser, newPage } from './support/browser';
import { seedLiveClass, type LiveClass } from './support/live-class';
import { saveScreenshotsDesktopAndPhone, signIn, switchLanguage, type Credentials } from './support/pages';
import { platform } from './support/platform';

/**
 * The page families no other browser test goes through, each checked with axe-core in French and in
 * Arabic, and at phone width (nothing sticking out sideways). The others are checked where their
 * journeys are tested (catalogue, course, schedule, classroom, profile, dashboard, audit...).
 */
describe('accessibility of every page family', () => {
  let browser: Browser;
  let page: Page;
  let world: LiveClass;

  beforeAll(async () => {
    [browser, world] = await Promise.all([launchBrowser(), seedLiveClass()]);
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    page = await newPage(browser);
  });
  afterEach(() => page.context().close());

  /** Opens `path`, waits for its h1, then checks it in French and Arabic. */
  async function check(path: string, name: string): Promise<void> {
    await page.goto(path);
    await page.locator('main h1').first().waitFor();
    for (const locale of ['fr', 'ar'] as Locale[]) {
      await switchLanguage(page, locale);
      await page.locator('main h1').first().waitFor();
      await saveScreenshotsDesktopAndPhone(page, `${name}-${locale}`);
      await expectNoAxeViolations(page, name);
    }
  }

  async function as(user: Credentials, pages: [string, string][]): Promise<void> {
    await signIn(page, user);
    for (const [path, name] of pages) await check(path, name);
  }

  it('admin pages', async () => {
    await as(platform().admin, [
      ['/admin/networks', 'admin-networks'],
      ['/admin/centres', 'admin-centres'],
      ['/admin/courses', 'admin-courses'],
      ['/admin/courses/new', 'admin-course-new'],
      ['/admin/users', 'admin-users'],
      ['/cohorts', 'cohorts'],
      ['/no-such-page', 'not-found'],
    ]);
  });

  it('teacher pages', async () => {
    await as(world.expert, [[`/sessions/${world.imminent.id}/attendance`, 'attendance']]);
  });

  it('trainee pages', async () => {
    await as(world.trainee, [['/my-courses', 'my-courses']]);
  });

  it('public pages', async () => {
    await check('/accept-invite?token=not-a-real-token', 'accept-invite');
    await check('/login', 'login');
  });
});
