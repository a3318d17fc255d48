import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, PHONE_VIEWPORT } from './support/browser';
import { platform } from './support/platform';
import { seedLiveClass, type LiveClass } from './support/live-class';
import { expectNoAxeViolations } from './support/accessibility';
import { saveScreenshot, signIn, switchLanguage } from './support/pages';

/**
 * What a trainee's home may download, JS and CSS as sent, on an empty cache (KB of 1,024 bytes).
 * bench/README.md ("Weak link") has the figures and what they are made of.
 */
const HOME_COLD_BUDGET_KB = 150;

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

  it('sends the sign-in form with the page to whoever is not signed in, and only what it needs', async () => {
    const context = await browser.newContext({ baseURL: platform().baseUrl, viewport: PHONE_VIEWPORT });
    const login = await context.newPage();
    try {
      const response = await login.goto('/login');
      // Preloaded with the page (no round trip after the entry has run): the form's code and
      // styles, none of the pages behind the sign-in.
      const preloaded = (response?.headers()['link'] ?? '')
        .split(',')
        .map((link) => /<\/assets\/([^>]+)-[\w-]{8}\.(js|css)>/.exec(link)?.slice(1).join('.'))
        .filter(Boolean);
      expect(preloaded).toEqual(expect.arrayContaining(['sign-in.js', 'sign-in.css']));
      expect(preloaded.filter((name) => /^(signed-in|home|everyday)\./.test(name ?? ''))).toEqual([]);
      const email = login.getByTestId('login-email');
      await email.waitFor();
      expect(await email.evaluate((input) => getComputedStyle(input).borderTopStyle)).toBe('solid');
      // Signed in, the browser holds the hint with which the server leaves the form out of the next
      // pages (the API's e2e test checks the header), and no token in a cookie.
      await signIn(login, world.trainee);
      const cookies = await context.cookies();
      expect(cookies.filter((cookie) => cookie.name === 'mre.signed-in').map((c) => c.value)).toEqual(['1']);
      expect(cookies.map((cookie) => cookie.value).join(' ')).not.toMatch(/\w+\.\w+\.\w+/);
    } finally {
      await context.close();
    }
  });

  it('opens on an empty cache with less JS and CSS than its budget', async () => {
    // A trainee already signed in on this phone (tokens stored), nothing cached: a new release, a
    // cleared browser. Bytes as sent (compressed bodies), which the build fixes: no timing here.
    const response = await fetch(`${platform().baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(world.trainee),
    });
    expect(response.status).toBe(200);
    const { accessToken, refreshToken } = (await response.json()) as Record<string, string>;
    const context = await browser.newContext({
      baseURL: platform().baseUrl,
      viewport: PHONE_VIEWPORT,
      locale: 'fr-FR',
    });
    const home = await context.newPage();
    try {
      await context.addInitScript(
        (tokens) => localStorage.setItem('mre.tokens', tokens),
        JSON.stringify({ accessToken, refreshToken }),
      );
      // And the hint cookie the app keeps beside them (signed-in-hint.ts).
      await context.addCookies([{ name: 'mre.signed-in', value: '1', url: platform().baseUrl }]);
      await home.goto('/home');
      await home.getByTestId('home-next').getByTestId('session-card').waitFor();
      await home.getByTestId('home-courses').getByTestId('my-course').waitFor();

      const files = await home.evaluate(() =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((entry) => /\/assets\/.+\.(js|css)$/.test(new URL(entry.name).pathname))
          .map((entry) => ({ path: new URL(entry.name).pathname, bytes: entry.encodedBodySize })),
      );
      const total = files.reduce((sum, file) => sum + file.bytes, 0);
      // The frame and the home, not the sign-in form, the other everyday pages nor the bell's list
      // (it comes on the first opening); the texts of its first screens, not the whole language.
      const paths = files.map((file) => file.path);
      expect(
        paths.filter((path) => /notifications-popover|Popover|\/(sign-in|everyday)-/.test(path)),
      ).toEqual([]);
      expect(
        paths
          .filter((path) => /\/(ar|fr|en)-/.test(path))
          .map((path) => path.split('-').slice(0, 2).join('-')),
      ).toEqual(['/assets/fr-first']);
      // Issue 13 asks for 150 KB: 149.9 KB here (149.7 before issue 15's series badge and saved
      // message on the schedule). 178.8 before the frame lost Mantine's AppShell, the texts were split
      // (the French file was 15 KB, its first part is 3.5), the sign-in form left the first page and
      // the service worker waited for the home's data; about 210 KB before the bell's list and the
      // home were split off. A change that adds to the home's first download must find the bytes
      // elsewhere (bench/README.md, "Weak link").
      expect(total / 1024).toBeLessThan(HOME_COLD_BUDGET_KB);
      // The rest of the language follows once the home has its data, before another page asks for it.
      await home.waitForFunction(() =>
        performance.getEntriesByType('resource').some((entry) => /\/assets\/fr-rest-/.test(entry.name)),
      );

      // The bell's list, whose code comes now, from the keyboard and in Arabic on the phone: Enter
      // opens it with the focus inside, Escape closes it with the focus back on the bell.
      await switchLanguage(home, 'ar');
      const bell = home.getByTestId('notifications-bell');
      await bell.focus();
      await home.keyboard.press('Enter');
      const popover = home.getByTestId('notifications-popover');
      await popover.getByText('الإشعارات', { exact: true }).waitFor();
      await home.waitForFunction(() =>
        document.querySelector('[data-testid="notifications-popover"]')?.contains(document.activeElement),
      );
      expect(await bell.getAttribute('aria-expanded')).toBe('true');
      // Within the phone's width, whichever side the bell sits on.
      const box = await popover.boundingBox();
      expect(box?.x).toBeGreaterThanOrEqual(0);
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE_VIEWPORT.width);
      await saveScreenshot(home, 'notifications-ar-phone');
      await expectNoAxeViolations(home, 'the bell’s list, Arabic, phone');
      await home.keyboard.press('Escape');
      await home.waitForFunction(
        () => document.activeElement?.getAttribute('data-testid') === 'notifications-bell',
      );
      expect(await bell.getAttribute('aria-expanded')).toBe('false');
    } finally {
      await context.close();
    }
  });
});
