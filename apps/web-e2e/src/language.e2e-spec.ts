import type { Browser, Locator, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/accessibility';
import { launchBrowser, newPage } from './support/browser';
import { documentDirection, saveScreenshot, signIn, switchLanguage } from './support/pages';
import { platform } from './support/platform';

interface Box {
  x: number;
  width: number;
}

const centre = (box: Box) => box.x + box.width / 2;

async function boxOf(page: Page, testIdOrLocator: string | Locator): Promise<Box> {
  const locator = typeof testIdOrLocator === 'string' ? page.getByTestId(testIdOrLocator) : testIdOrLocator;
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator} is not visible`);
  return box;
}

/** Where the main parts of the signed-in layout sit, as seen on the screen. */
async function layout(page: Page) {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('The page has no viewport');
  return {
    viewportCentre: viewport.width / 2,
    navbar: await boxOf(
      page,
      page
        .locator('nav')
        .filter({ has: page.getByTestId('nav-courses') })
        .last(),
    ),
    brand: await boxOf(page, page.getByRole('banner').getByRole('link', { name: 'MRE Academy' })),
    switcher: await boxOf(page, 'lang-fr'),
    search: await boxOf(page, 'catalog-search'),
    sectorFilter: await boxOf(page, 'catalog-sector'),
  };
}

async function waitForHeading(page: Page, text: string): Promise<void> {
  await page.getByRole('heading', { name: text, exact: true }).waitFor();
}

describe('languages and direction', () => {
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

  it('mirrors the catalogue in Arabic and turns it back for French and English', async () => {
    await signIn(page, platform().admin);
    await page.getByTestId('nav-courses').click();
    await page.getByTestId('course-card').first().waitFor();

    await switchLanguage(page, 'ar');
    await waitForHeading(page, 'دليل الدورات');
    expect(await documentDirection(page)).toEqual({ dir: 'rtl', lang: 'ar' });
    const arabic = await layout(page);
    expect(arabic.navbar.x).toBeGreaterThan(arabic.viewportCentre);
    expect(centre(arabic.brand)).toBeGreaterThan(centre(arabic.switcher));
    expect(centre(arabic.search)).toBeGreaterThan(centre(arabic.sectorFilter));
    await saveScreenshot(page, 'catalogue-ar');
    await expectNoAxeViolations(page, 'catalogue');

    await switchLanguage(page, 'fr');
    await waitForHeading(page, 'Catalogue des formations');
    expect(await documentDirection(page)).toEqual({ dir: 'ltr', lang: 'fr' });
    const french = await layout(page);
    expect(french.navbar.x + french.navbar.width).toBeLessThan(french.viewportCentre);
    expect(centre(french.brand)).toBeLessThan(centre(french.switcher));
    expect(centre(french.search)).toBeLessThan(centre(french.sectorFilter));
    await saveScreenshot(page, 'catalogue-fr');
    await expectNoAxeViolations(page, 'catalogue');

    await switchLanguage(page, 'en');
    await waitForHeading(page, 'Course catalogue');
    expect(await documentDirection(page)).toEqual({ dir: 'ltr', lang: 'en' });
    await saveScreenshot(page, 'catalogue-en');
  });

  it('shows the sign-in page in Arabic, right to left', async () => {
    await page.goto('/login');
    await switchLanguage(page, 'ar');

    await waitForHeading(page, 'تسجيل الدخول إلى أكاديمية مغاربة العالم');
    expect(await documentDirection(page)).toEqual({ dir: 'rtl', lang: 'ar' });
    const brand = await boxOf(page, page.getByRole('banner').getByRole('link', { name: 'MRE Academy' }));
    expect(centre(brand)).toBeGreaterThan(centre(await boxOf(page, 'lang-fr')));
    await saveScreenshot(page, 'login-ar');
    await expectNoAxeViolations(page, 'sign-in');

    await switchLanguage(page, 'fr');
    await waitForHeading(page, 'Connexion à MRE Academy');
    await expectNoAxeViolations(page, 'sign-in');
  });

  it("opens in the browser's language (ar-MA is Arabic), and an invitation in the link's", async () => {
    const moroccan = await newPage(browser, { locale: 'ar-MA' });
    await moroccan.goto('/login');
    await waitForHeading(moroccan, 'تسجيل الدخول إلى أكاديمية مغاربة العالم');
    expect(await documentDirection(moroccan)).toEqual({ dir: 'rtl', lang: 'ar' });
    await moroccan.context().close();

    // A French browser opening an Arabic invitation (the API writes the invitee's language in it).
    await page.goto('/accept-invite?token=an-unknown-token&lang=ar');
    await page.locator('main h1').waitFor();
    expect(await documentDirection(page)).toEqual({ dir: 'rtl', lang: 'ar' });
    await saveScreenshot(page, 'accept-invite-link-ar');
  });
});
