import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, newPage } from './support/browser';
import { KNOWN_INSTANT, seedLiveClass, waitForSettledLayout, type LiveClass } from './support/live-class';
import { documentDirection, saveScreenshot, signIn, switchLanguage } from './support/pages';

describe('my schedule', () => {
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

  const card = (id: string): Locator => page.locator(`[data-testid="session-card"][data-session-id="${id}"]`);

  async function openSchedule(): Promise<void> {
    await page.getByTestId('nav-schedule').click();
    await page.waitForURL('**/schedule');
    await card(world.later.id).waitFor();
  }

  it('shows an expert in Toronto the sessions in Toronto time, Join open only in the window', async () => {
    await signIn(page, world.expert);
    await openSchedule();

    const later = card(world.later.id);
    expect(await later.getByTestId('session-time').innerText()).toContain('19:00');
    expect(await later.getByTestId('session-time-zone').innerText()).toBe('America/Toronto');
    expect(await page.getByTestId('schedule-zone').innerText()).toContain('America/Toronto');
    expect(await page.getByTestId('schedule-day-title').allInnerTexts()).toContain('mercredi 12 mars 2031');
    expect(await card(world.imminent.id).getByTestId('session-join').isEnabled()).toBe(true);
    expect(await later.getByTestId('session-join').isEnabled()).toBe(false);
    expect(await card(world.imminent.id).getByTestId('session-countdown').innerText()).toMatch(
      /^Commence dans [45] min \d+ s$/,
    );
    await saveScreenshot(page, 'schedule-expert-fr');

    await switchLanguage(page, 'ar');
    await waitForSettledLayout(page);
    expect(await documentDirection(page)).toEqual({ dir: 'rtl', lang: 'ar' });
    expect(await later.getByTestId('session-time-zone').innerText()).toBe('America/Toronto');
    expect(await later.getByTestId('session-join').innerText()).toBe('انضمام');
    await saveScreenshot(page, 'schedule-expert-ar');
  });

  it('shows the trainee in Casablanca the same session in Casablanca time', async () => {
    await signIn(page, world.trainee);
    await openSchedule();

    const later = card(world.later.id);
    // Midnight on the 13th by the tz database (UTC+1 outside Ramadan). The page formats with the
    // browser's own zone data, and Debian's Chromium puts Casablanca at UTC+0 all year: expect what
    // this browser says for that instant, and that it is not Toronto's time.
    const casablanca = await page.evaluate(
      (instant) =>
        ['short', 'full'].map((style) =>
          new Intl.DateTimeFormat('fr', {
            [style === 'short' ? 'timeStyle' : 'dateStyle']: style,
            timeZone: 'Africa/Casablanca',
          }).format(new Date(instant)),
        ),
      KNOWN_INSTANT,
    );
    expect(casablanca[0]).not.toBe('19:00');
    expect(await later.getByTestId('session-time').innerText()).toContain(casablanca[0]);
    expect(await later.getByTestId('session-time-zone').innerText()).toBe('Africa/Casablanca');
    expect(await page.getByTestId('schedule-day-title').allInnerTexts()).toContain(casablanca[1]);
    expect(await card(world.imminent.id).getByTestId('session-join').isEnabled()).toBe(true);
    expect(await later.getByTestId('session-join').isEnabled()).toBe(false);
    expect(await later.getByTestId('session-attendance').count()).toBe(0); // staff only
    await saveScreenshot(page, 'schedule-trainee-fr');

    await switchLanguage(page, 'ar');
    await waitForSettledLayout(page);
    expect(await later.getByTestId('session-time-zone').innerText()).toBe('Africa/Casablanca');
    await saveScreenshot(page, 'schedule-trainee-ar');
  });
});
