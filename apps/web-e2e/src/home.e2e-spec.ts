import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/accessibility';
import { launchBrowser, newPage } from './support/browser';
import { seedLiveClass, waitForSettledLayout, type LiveClass } from './support/live-class';
import { saveScreenshotsDesktopAndPhone, signIn, switchLanguage } from './support/pages';
import { platform } from './support/platform';

describe('where people land', () => {
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

  it('gives a trainee their next session with its join button, their course and its progress, and notices', async () => {
    await signIn(page, world.trainee);

    expect(new URL(page.url()).pathname).toBe('/home');
    await page.getByRole('heading', { level: 1, name: 'Bonjour, Salma Alaoui' }).waitFor();
    const next = page.getByTestId('home-next').getByTestId('session-card');
    expect(await next.getAttribute('data-session-id')).toBe(world.imminent.id);
    expect(await next.getByTestId('session-join').isEnabled()).toBe(true);
    const course = page.getByTestId('home-courses').getByTestId('my-course');
    expect(await course.getByTestId('my-course-title').innerText()).toBe('Freinage des aéronefs');
    expect(await course.getByTestId('my-course-progress-label').innerText()).toMatch(
      /^\d+\s% du parcours écoulé$/,
    );
    await page.getByTestId('home-notices').waitFor();
    await saveScreenshotsDesktopAndPhone(page, 'home-trainee-fr');
    await expectNoAxeViolations(page, 'trainee home');

    await switchLanguage(page, 'ar');
    await waitForSettledLayout(page);
    await page.getByRole('heading', { level: 1, name: 'مرحبًا، Salma Alaoui' }).waitFor();
    await saveScreenshotsDesktopAndPhone(page, 'home-trainee-ar');
    await expectNoAxeViolations(page, 'trainee home');

    // The catalogue, one tap away.
    await page.getByTestId('home-catalog').click();
    await page.waitForURL('**/courses');
    await page.getByTestId('course-card').first().waitFor();
  });

  it('lands an admin on the dashboard', async () => {
    await signIn(page, platform().admin);
    expect(new URL(page.url()).pathname).toBe('/admin/dashboard');
  });
});
