import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/accessibility';
import { launchBrowser, newPage } from './support/browser';
import { seedLiveClass, type LiveClass } from './support/live-class';
import { documentDirection, saveScreenshotsDesktopAndPhone, signIn, switchLanguage } from './support/pages';
import { platform } from './support/platform';

/**
 * Resolves once the app's service worker is active (its app shell cached) and controls the page. The
 * worker installs in the background of the first visit (80 files on a busy CI machine can take a
 * while), so the page is reloaded once it is active rather than waiting for it to claim the page.
 */
async function serviceWorkerReady(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  if (await page.evaluate(() => navigator.serviceWorker.controller === null)) await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Resolves once the schedule is saved on the device (the query cache is written a second after it changes). */
async function scheduleSaved(page: Page): Promise<void> {
  await page.waitForFunction(() => (localStorage.getItem('mre.saved-queries') ?? '').includes('"sessions"'));
}

describe('the app on a weak link', () => {
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

  it('opens the last-seen schedule with the network off, says how old it is, in French and Arabic', async () => {
    await signIn(page, world.trainee);
    await page.goto('/schedule');
    await page.locator(`[data-session-id="${world.later.id}"]`).waitFor();
    await serviceWorkerReady(page);
    await scheduleSaved(page);
    const fetchedAt = Date.now();

    await page.context().setOffline(true);
    await page.reload();
    const card = page.locator(`[data-session-id="${world.later.id}"]`);
    await card.waitFor();
    expect(await card.innerText()).toContain(world.later.title);
    const notice = page.getByTestId('offline-notice');
    expect(await notice.innerText()).toContain('Vous êtes hors connexion');
    // The time it was fetched, in the trainee's zone (Casablanca): today's date in French.
    const day = new Intl.DateTimeFormat('fr', { dateStyle: 'medium', timeZone: 'Africa/Casablanca' }).format(
      fetchedAt,
    );
    expect(await notice.innerText()).toContain(`mis à jour le ${day}`);
    await saveScreenshotsDesktopAndPhone(page, 'offline-schedule-fr');
    await expectNoAxeViolations(page, 'offline schedule');

    // Every language's texts are in the worker's cache: switching works without a connection.
    await switchLanguage(page, 'ar');
    expect(await documentDirection(page)).toEqual({ dir: 'rtl', lang: 'ar' });
    expect(await notice.innerText()).toContain('أنت غير متصل بالإنترنت');
    await saveScreenshotsDesktopAndPhone(page, 'offline-schedule-ar');

    // Back online, the notice goes and the page refreshes itself.
    await page.context().setOffline(false);
    await notice.waitFor({ state: 'detached' });
    await card.waitFor();
    // Installing the service worker (it downloads the app shell) took over 90 s once on a loaded CI machine.
  }, 180_000);

  it('offers a new release instead of swapping it under a running page', async () => {
    await page.goto('/login');
    await serviceWorkerReady(page);
    await page.getByTestId('login-email').fill('typing.slowly@example.test');

    // A deploy: the worker script changes on the server.
    appendFileSync(join(platform().webDist, 'sw.js'), `\n// release ${Date.now()}\n`);
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));

    const prompt = page.getByTestId('update-prompt');
    await prompt.waitFor({ timeout: 30_000 });
    expect(await prompt.innerText()).toContain('Une nouvelle version de MRE Academy est disponible.');
    // Nothing was reloaded: what the person typed is still there.
    expect(await page.getByTestId('login-email').inputValue()).toBe('typing.slowly@example.test');
    await expectNoAxeViolations(page, 'update prompt');
    const waiting = () =>
      page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting !== null));
    expect(await waiting()).toBe(true);

    await Promise.all([page.waitForEvent('load'), page.getByTestId('update-apply').click()]);
    await page.getByTestId('login-email').waitFor();
    expect(await page.getByTestId('update-prompt').count()).toBe(0);
    // The new version took over: nothing waits any more, and it controls the page.
    expect(await waiting()).toBe(false);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  });
});
