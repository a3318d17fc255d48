import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/accessibility';
import { launchBrowser, newPage } from './support/browser';
import { chooseOption, signIn, switchLanguage, waitForCount } from './support/pages';
import { platform } from './support/platform';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

describe('course catalogue', () => {
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

  it('lets an admin publish a course with an Arabic title, then find it by an Arabic word', async () => {
    const course = {
      code: `E2E-${randomBytes(3).toString('hex').toUpperCase()}`,
      ar: 'صيانة أنظمة الهيدروليك في الطائرات',
      fr: 'Maintenance des systèmes hydrauliques des aéronefs',
    };
    await signIn(page, platform().admin);
    await switchLanguage(page, 'en');
    await page.getByTestId('nav-courses').click();

    await page.getByTestId('nav-admin-courses').click();
    await page.getByTestId('course-create').click();
    await page.getByTestId('course-code').fill(course.code);
    await page.getByTestId('title-ar').fill(course.ar);
    await page.getByTestId('title-fr').fill(course.fr);
    await chooseOption(page, 'course-sector', 'Aeronautics');
    // The page is in English: the demo network is named in English there (its names are in ar/fr/en).
    await chooseOption(page, 'course-network', 'Aeronautics Industry Competencies Network in Canada');
    await page.getByTestId('course-duration').fill('16');
    await chooseOption(page, 'course-status-select', 'Published');
    await page.getByTestId('course-save').click();
    // Once saved, the course opens in its edit page, where modules can be added.
    await page.waitForURL(new RegExp(`/admin/courses/${UUID}$`));
    const id = new URL(page.url()).pathname.split('/').pop();

    await page.getByTestId('nav-courses').click();
    await switchLanguage(page, 'ar');
    await page.getByTestId('catalog-search').fill('الهيدروليك');
    const cards = page.getByTestId('course-card');
    await waitForCount(cards, 1);
    expect(await cards.getByTestId('course-card-title').innerText()).toBe(course.ar);
    expect(await cards.getByTestId('course-status').innerText()).toBe('منشورة');

    await cards.click();
    await page.waitForURL(`**/courses/${id}`);
    const title = page.getByTestId('course-title');
    await title.waitFor();
    expect(await title.innerText()).toBe(course.ar);
    expect(await page.getByText(course.code, { exact: true }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'course page');

    await switchLanguage(page, 'fr');
    await title.filter({ hasText: course.fr }).waitFor();
    await expectNoAxeViolations(page, 'course page');
  });

  it('opens a course page from its address, in a fresh page load', async () => {
    await signIn(page, platform().admin);
    await switchLanguage(page, 'en');
    await page.getByTestId('nav-courses').click();
    await page.getByTestId('catalog-search').fill('DEMO-AERO-101');
    const card = page.getByTestId('course-card');
    await waitForCount(card, 1);
    await card.click();
    await page.waitForURL(new RegExp(`/courses/${UUID}$`));
    const address = page.url();

    // A new tab of the same browser: the server itself must answer the client-side route.
    const fresh = await page.context().newPage();
    const response = await fresh.goto(address);

    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toContain('text/html');
    const title = fresh.getByTestId('course-title');
    await title.waitFor();
    expect(await title.innerText()).toBe('Aircraft maintenance fundamentals');
    expect(fresh.url()).toBe(address);
  });
});
