import type { Browser, Locator, Page } from 'playwright-core';
import { apiAs } from './support/api';
import { launchBrowser, newPage } from './support/browser';
import { seedLiveClass, waitForSettledLayout, type LiveClass } from './support/live-class';
import {
  documentDirection,
  saveScreenshot,
  saveScreenshotsDesktopAndPhone,
  signIn,
  switchLanguage,
} from './support/pages';

interface Session {
  id: string;
  cohortId: string;
}

// Tuesdays 10:00 in Casablanca, 2 to 16 February 2027: 10:00 UTC under the tz database 2026c and
// later (Morocco at UTC+0 all year since 20 September 2026).
describe('a weekly series: cancel this and the following sessions, with a reason', () => {
  let browser: Browser;
  let page: Page;
  let world: LiveClass;
  let series: Session[];

  beforeAll(async () => {
    [browser, world] = await Promise.all([launchBrowser(), seedLiveClass()]);
    const expert = await apiAs(world.expert);
    const { cohortId } = await expert<Session>('GET', `/api/sessions/${world.later.id}`);
    ({ items: series } = await expert<{ items: Session[] }>('POST', `/api/cohorts/${cohortId}/sessions`, {
      title: 'Atelier moteurs',
      startsAt: '2027-02-02T10:00:00Z',
      durationMinutes: 60,
      mode: 'remote',
      repeatWeeks: 3,
      timeZone: 'Africa/Casablanca',
    }));
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    page = await newPage(browser);
  });
  afterEach(() => page.context().close());

  const card = (id: string): Locator => page.locator(`[data-testid="session-card"][data-session-id="${id}"]`);

  async function openSchedule(user: LiveClass['expert']): Promise<void> {
    await signIn(page, user);
    await page.getByTestId('nav-schedule').click();
    await page.waitForURL('**/schedule');
    await card(series[2].id).waitFor();
  }

  it('lets the expert choose the following sessions and give a reason, which the trainee then reads', async () => {
    await openSchedule(world.expert);
    await card(series[1].id).getByTestId('session-cancel').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Cette séance et les suivantes de la série').click();
    await dialog.getByTestId('session-cancel-reason-input').fill('Atelier fermé pour travaux');
    await saveScreenshot(page, 'series-cancel-dialog-fr');
    await dialog.getByTestId('session-cancel-confirm').click();
    await dialog.waitFor({ state: 'detached' });

    for (const session of series.slice(1)) {
      await card(session.id).getByTestId('session-cancel-reason').waitFor();
      expect(await card(session.id).getByTestId('session-cancel-reason').innerText()).toBe(
        'Motif : Atelier fermé pour travaux',
      );
      expect(await card(session.id).getByTestId('session-cancelled').textContent()).toBe('Annulée');
    }
    // The first of the series stays.
    expect(await card(series[0].id).getByTestId('session-cancelled').count()).toBe(0);
    await page.context().close();

    page = await newPage(browser);
    await openSchedule(world.trainee);
    await card(series[1].id).getByTestId('session-cancel-reason').waitFor();
    // Each card says it is one of the series, and which (textContent: the badge is set in capitals).
    expect(await card(series[1].id).getByTestId('session-series').textContent()).toBe(
      'Hebdomadaire · 2 sur 3',
    );
    await saveScreenshotsDesktopAndPhone(page, 'series-cancelled-trainee-fr');
    await switchLanguage(page, 'ar');
    await waitForSettledLayout(page);
    expect(await documentDirection(page)).toEqual({ dir: 'rtl', lang: 'ar' });
    // The reason was given in French only: the Arabic page says it in French, isolated in the sentence.
    expect(await card(series[1].id).getByTestId('session-cancel-reason').innerText()).toBe(
      'السبب: Atelier fermé pour travaux',
    );
    expect(await card(series[2].id).getByTestId('session-series').textContent()).toBe('أسبوعية · 3 من 3');
    await saveScreenshotsDesktopAndPhone(page, 'series-cancelled-trainee-ar');
  });

  it('asks the expert in Arabic which sessions to move', async () => {
    await openSchedule(world.expert);
    await switchLanguage(page, 'ar');
    await waitForSettledLayout(page);
    await card(series[0].id).getByTestId('session-reschedule').click();
    const scope = page.getByTestId('session-scope');
    await scope.waitFor();
    expect(await scope.getByText('هذه الحصة والحصص التالية من السلسلة').count()).toBe(1);
    await saveScreenshot(page, 'series-reschedule-dialog-ar');
  });
});
