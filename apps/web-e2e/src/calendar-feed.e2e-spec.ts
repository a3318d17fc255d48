import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/accessibility';
import { launchBrowser, newPage } from './support/browser';
import { seedLiveClass, type LiveClass } from './support/live-class';
import { documentDirection, saveScreenshotsDesktopAndPhone, signIn, switchLanguage } from './support/pages';
import { platform } from './support/platform';

/** The feed as a calendar app fetches it (no account), on this run's platform. */
async function fetchFeed(url: string): Promise<{ status: number; uids: string[] }> {
  const { pathname, search } = new URL(url);
  const response = await fetch(`${platform().baseUrl}${pathname}${search}`);
  if (response.status !== 200) return { status: response.status, uids: [] };
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  return {
    status: 200,
    uids: calendar.getAllSubcomponents('vevent').map((event) => String(event.getFirstPropertyValue('uid'))),
  };
}

describe('calendar feed', () => {
  let browser: Browser;
  let page: Page;
  let world: LiveClass;

  beforeAll(async () => {
    [browser, world] = await Promise.all([launchBrowser(), seedLiveClass()]);
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    page = await newPage(browser);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  });
  afterEach(() => page.context().close());

  it('lets a trainee subscribe from the schedule, copy the link and reset it, in French and Arabic', async () => {
    await signIn(page, world.trainee);
    await switchLanguage(page, 'fr');
    await page.getByTestId('nav-schedule').click();
    await page.waitForURL('**/schedule');
    await page.getByTestId('schedule-calendar-feed').click();
    await page.waitForURL('**/profile#calendar-feed');

    const card = page.getByTestId('calendar-feed');
    // Enrolling gave the trainee their link already: the enrollment's e-mail carried it.
    const urlInput = card.getByTestId('calendar-feed-url');
    await urlInput.waitFor();
    const fromEnrollment = await urlInput.inputValue();
    expect((await fetchFeed(fromEnrollment)).status).toBe(200);
    // Turned off (a second click confirms), it stops working and the card offers a new one.
    await card.getByTestId('calendar-feed-turn-off').click();
    await card.getByTestId('calendar-feed-turn-off').click();
    await card.getByTestId('calendar-feed-none').waitFor();
    expect((await fetchFeed(fromEnrollment)).status).toBe(404);
    await expectNoAxeViolations(page, 'calendar feed, none yet');
    await card.getByTestId('calendar-feed-create').click();
    await urlInput.waitFor();
    const first = await urlInput.inputValue();
    expect(first).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(await card.getByTestId('calendar-feed-subscribe').getAttribute('href')).toBe(
      first.replace(/^https?:/, 'webcal:'),
    );
    const feed = await fetchFeed(first);
    expect(feed.uids).toEqual(expect.arrayContaining([world.imminent.id, world.later.id]));

    await card.getByTestId('calendar-feed-copy').click();
    expect(await card.getByTestId('calendar-feed-copied').innerText()).toContain('Lien copié');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);
    await expectNoAxeViolations(page, 'calendar feed');
    await saveScreenshotsDesktopAndPhone(page, 'calendar-feed-fr');

    // From the keyboard: the reset asks first, and Escape leaves the link as it was.
    await card.getByTestId('calendar-feed-reset').focus();
    await page.keyboard.press('Enter');
    const confirmation = card.getByTestId('calendar-feed-reset-confirmation');
    await confirmation.waitFor();
    expect(await confirmation.innerText()).toContain('L’ancien lien cesse de fonctionner');
    await expectNoAxeViolations(page, 'calendar feed reset confirmation');
    await saveScreenshotsDesktopAndPhone(page, 'calendar-feed-reset-fr');
    await page.keyboard.press('Escape');
    await confirmation.waitFor({ state: 'hidden' });
    expect(await urlInput.inputValue()).toBe(first);

    await card.getByTestId('calendar-feed-reset').click();
    await card.getByTestId('calendar-feed-reset-confirm').click();
    await card.getByTestId('calendar-feed-reset-done').waitFor();
    const second = await urlInput.inputValue();
    expect(second).not.toBe(first);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);

    // My courses: the cohort's own feed, for one cohort's sessions.
    await page.getByTestId('nav-my-courses').click();
    const cohortLink = page.getByTestId('my-course').first().getByTestId('cohort-calendar-link');
    const cohortFeed = (await cohortLink.getAttribute('href')) as string;
    expect(cohortFeed).toMatch(/^webcal:\/\/.+\.ics\?cohort=[0-9a-f-]{36}$/);
    expect(cohortFeed.startsWith(second.replace(/^https?:/, 'webcal:'))).toBe(true);
    expect((await fetchFeed(cohortFeed)).uids).toEqual(
      expect.arrayContaining([world.imminent.id, world.later.id]),
    );
    await expectNoAxeViolations(page, 'my courses');
    await page.getByTestId('nav-profile').click();
    await card.getByTestId('calendar-feed-url').waitFor();

    await switchLanguage(page, 'ar');
    expect(await documentDirection(page)).toEqual({ dir: 'rtl', lang: 'ar' });
    expect(await card.getByTestId('calendar-feed-subscribe').innerText()).toBe('الاشتراك في تقويمي');
    await expectNoAxeViolations(page, 'calendar feed');
    await saveScreenshotsDesktopAndPhone(page, 'calendar-feed-ar');
  });
});
