import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from './support/browser';
import { seedLiveClass, type LiveClass } from './support/live-class';
import { signIn, switchLanguage } from './support/pages';

/** The script and style files the page downloaded so far, by name without the hash. */
async function downloadedAssets(page: Page): Promise<string[]> {
  const names = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname),
  );
  return names
    .filter((path) => /^\/assets\/.+\.(js|css)$/.test(path))
    .map((path) => path.replace(/^\/assets\//, '').replace(/-[\w-]{8}\.(js|css)$/, '.$1'));
}

describe("a trainee's home downloads what it shows, styled", () => {
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

  it('opens without the admin pages, charts, classroom, forms or Mantine’s whole stylesheet, each component styled', async () => {
    await signIn(page, world.trainee);
    const course = page.getByTestId('home-courses').getByTestId('my-course');
    await page.getByTestId('home-next').getByTestId('session-card').waitFor();
    await course.waitFor();

    const assets = await downloadedAssets(page);
    expect(assets).toEqual(
      expect.arrayContaining(['framework.js', 'first-page.js', 'signed-in.js', 'home.js']),
    );
    for (const elsewhere of [
      'charts',
      'livekit',
      'admin-routes',
      'dashboard-page',
      'session-form-modal',
      'styles',
    ])
      expect(assets.filter((name) => name.startsWith(`${elsewhere}.`))).toEqual([]);

    // Each component's own stylesheet came with it: the header stays at the top, the course is a
    // bordered card with a visible progress bar, the status is a rounded badge.
    const style = (locator: ReturnType<Page['locator']>, property: string) =>
      locator.evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);
    expect(await style(page.locator('header').first(), 'position')).toBe('fixed');
    expect(await style(course, 'border-top-style')).toBe('solid');
    const progress = course.getByTestId('my-course-progress');
    expect(Number.parseFloat(await style(progress, 'height'))).toBeGreaterThan(0);
    expect(await style(progress, 'background-color')).not.toBe('rgba(0, 0, 0, 0)');
    const badge = course.locator('.mantine-Badge-root').first();
    expect(await style(badge, 'text-transform')).toBe('uppercase');
    expect(Number.parseFloat(await style(badge, 'border-top-left-radius'))).toBeGreaterThan(0);

    // Mirrored in Arabic, by the same styles: the navigation moves to the right.
    await switchLanguage(page, 'ar');
    await page.getByRole('heading', { level: 1, name: 'مرحبًا، Salma Alaoui' }).waitFor();
    const { left, right } = await page
      .locator('nav')
      .first()
      .evaluate((element) => element.getBoundingClientRect().toJSON());
    const width = await page.evaluate(() => window.innerWidth);
    expect(width - right).toBeLessThan(left);
  });
});
