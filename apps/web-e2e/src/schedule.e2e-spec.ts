import type { Browser, Locator, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/accessibility';
import { launchBrowser, newPage } from './support/browser';
import { seedLiveClass, waitForSettledLayout, type LiveClass } from './support/live-class';
import {
  documentDirection,
  saveScreenshotsDesktopAndPhone,
  signIn,
  switchLanguage,
  type Credentials,
} from './support/pages';

// The expected hours below are facts of the tz database (2026c on), stated here rather than asked of
// the browser: world.later starts at 10:00 UTC on Tuesday 12 January 2027, agreed at 10:00 in
// Casablanca (UTC+0 all year since 20 September 2026). That is 05:00 in Toronto (EST, UTC-5) and
// 04:00 in Edmonton (UTC-6, which Alberta keeps all year since 1 November 2026). Joining opens
// 15 minutes before: 04:45 in Toronto.
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

  async function openSchedule(user: Credentials): Promise<Locator> {
    await signIn(page, user);
    await page.getByTestId('nav-schedule').click();
    await page.waitForURL('**/schedule');
    await card(world.later.id).waitFor();
    return card(world.later.id);
  }

  it('shows an expert in Toronto the time there with its offset, and the hour agreed in Casablanca', async () => {
    const later = await openSchedule(world.expert);

    expect(await later.getByTestId('session-time').innerText()).toBe('05:00 – 06:30 (Toronto, UTC-5)');
    expect(await later.getByTestId('session-agreed-time').innerText()).toBe(
      'Heure convenue : 10:00, Casablanca (UTC+0)',
    );
    expect(await later.getByTestId('session-opens-at').innerText()).toBe(
      'Ouverture : 12 janv. 2027, 04:45 (Toronto, UTC-5)',
    );
    // Today's offset: EST (UTC-5) in winter, EDT (UTC-4) in summer, whenever the test runs.
    expect(await page.getByTestId('schedule-zone').innerText()).toMatch(
      /^Heures affichées dans votre fuseau horaire : Toronto \(UTC-[45]\)$/,
    );
    expect(await page.getByTestId('schedule-day-title').allInnerTexts()).toContain('mardi 12 janvier 2027');
    expect(await card(world.imminent.id).getByTestId('session-join').isEnabled()).toBe(true);
    expect(await later.getByTestId('session-join').isEnabled()).toBe(false);
    expect(await card(world.imminent.id).getByTestId('session-countdown').innerText()).toMatch(
      /^Commence dans [45] min \d+ s$/,
    );
    await saveScreenshotsDesktopAndPhone(page, 'schedule-expert-fr');
    await expectNoAxeViolations(page, 'schedule');

    await switchLanguage(page, 'ar');
    await waitForSettledLayout(page);
    expect(await documentDirection(page)).toEqual({ dir: 'rtl', lang: 'ar' });
    expect(await later.getByTestId('session-join').innerText()).toBe('انضمام');
    expect(await later.getByTestId('session-time-zone').innerText()).toBe('Toronto, UTC-5');
    const [times, zone] = await later.getByTestId('session-time').locator('bdi').all();
    // Moroccan Arabic, as e-mails write it: a 24-hour clock.
    expect(await times.innerText()).toMatch(/^05:00 – 06:30$/);
    // Read right to left: the times first (on the right), then the zone in parentheses.
    expect(await rightEdge(times)).toBeGreaterThan(await rightEdge(zone));
    expect(await later.getByTestId('session-agreed-time').innerText()).toBe(
      'الوقت المحلي المتفق عليه: 10:00، Casablanca (UTC+0)',
    );
    await saveScreenshotsDesktopAndPhone(page, 'schedule-expert-ar');
    await expectNoAxeViolations(page, 'schedule');
  });

  it('shows the trainee in Casablanca the hour agreed there, once', async () => {
    const later = await openSchedule(world.trainee);

    expect(await later.getByTestId('session-time').innerText()).toBe('10:00 – 11:30 (Casablanca, UTC+0)');
    expect(await later.getByTestId('session-agreed-time').count()).toBe(0);
    expect(await page.getByTestId('schedule-day-title').allInnerTexts()).toContain('mardi 12 janvier 2027');
    expect(await card(world.imminent.id).getByTestId('session-join').isEnabled()).toBe(true);
    expect(await later.getByTestId('session-join').isEnabled()).toBe(false);
    expect(await later.getByTestId('session-attendance').count()).toBe(0); // staff only
    await saveScreenshotsDesktopAndPhone(page, 'schedule-trainee-fr');

    await switchLanguage(page, 'ar');
    await waitForSettledLayout(page);
    expect(await later.getByTestId('session-time-zone').innerText()).toBe('Casablanca, UTC+0');
    await saveScreenshotsDesktopAndPhone(page, 'schedule-trainee-ar');
  });

  it('shows a trainee in Edmonton the winter time at UTC-6, as Alberta now keeps it', async () => {
    const later = await openSchedule(world.traineeInEdmonton);

    expect(await later.getByTestId('session-time').innerText()).toBe('04:00 – 05:30 (Edmonton, UTC-6)');
    expect(await later.getByTestId('session-agreed-time').innerText()).toBe(
      'Heure convenue : 10:00, Casablanca (UTC+0)',
    );
  });
});

async function rightEdge(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator} is not visible`);
  return box.x + box.width;
}
