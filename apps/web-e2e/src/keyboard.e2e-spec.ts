import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, PHONE_VIEWPORT } from './support/browser';
import { seedLiveClass, type LiveClass } from './support/live-class';
import { signIn, switchLanguage } from './support/pages';

/** More than any page has before the element a test goes to. */
const MAX_TAB_PRESSES = 40;

interface Focused {
  testId: string | null;
  tag: string;
  text: string;
  /** An outline of 2 px or more on the element or one of its two nearest ancestors (an input's wrapper). */
  ringed: boolean;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    const ringed = (element: Element | null, depth: number): boolean => {
      if (!element || depth > 2) return false;
      const style = getComputedStyle(element);
      return (
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) ||
        ringed(element.parentElement, depth + 1)
      );
    };
    return {
      testId: active?.getAttribute('data-testid') ?? null,
      tag: active?.tagName.toLowerCase() ?? '',
      text: (active?.textContent ?? '').trim().slice(0, 80),
      ringed: ringed(active, 0),
    };
  });
}

/**
 * Presses `key` (Tab or Shift+Tab) until the element with `testId` has the focus, and checks that
 * every element met on the way shows where the focus is.
 */
async function tabTo(page: Page, testId: string, key = 'Tab'): Promise<void> {
  const met: string[] = [];
  for (let press = 0; press < MAX_TAB_PRESSES; press++) {
    await page.keyboard.press(key);
    const now = await focused(page);
    met.push(`${now.tag}[${now.testId ?? ''}] ${now.text}`);
    if (!now.ringed) throw new Error(`No visible focus ring on ${met.at(-1)}`);
    if (now.testId === testId) return;
  }
  throw new Error(`${testId} not reached with ${key}; the focus went through:\n${met.join('\n')}`);
}

async function expectHeadingFocused(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (heading) => document.activeElement?.tagName === 'H1' && document.activeElement.textContent === heading,
    text,
  );
}

describe('with the keyboard alone', () => {
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

  it('signs in, opens the schedule and enters the class, with the focus always visible', async () => {
    await page.goto('/login');
    await page.getByTestId('login-form').waitFor();

    // The first stop is the skip link, shown when it has the focus; it leads to the content.
    await page.keyboard.press('Tab');
    expect((await focused(page)).testId).toBe('skip-link');
    const skip = (await page.getByTestId('skip-link').boundingBox())!;
    expect(skip.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    await tabTo(page, 'login-email');
    await page.keyboard.type(world.trainee.email);
    await tabTo(page, 'login-password');
    await page.keyboard.type(world.trainee.password);
    await page.keyboard.press('Enter');

    // Signed in: the focus is on the new page's heading, and the menu is behind it.
    await page.waitForURL('**/home');
    await expectHeadingFocused(page, 'Bonjour, Salma Alaoui');
    // The home page's sections have loaded: nothing moves the focus any more. (Not "network idle":
    // the bell's live stream stays open.)
    await page.getByTestId('home-courses').waitFor();
    await page.waitForFunction(() => !document.querySelector('main [data-testid="loading-state"]'));
    await tabTo(page, 'nav-schedule', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/schedule');
    await expectHeadingFocused(page, 'Mon agenda');

    const imminent = page.locator(`[data-testid="session-card"][data-session-id="${world.imminent.id}"]`);
    await imminent.waitFor();
    // Walks to the join link of the class about to start (the first session card's, in time order).
    await tabTo(page, 'session-join');
    expect(
      await imminent.getByTestId('session-join').evaluate((link) => link === document.activeElement),
    ).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/sessions/${world.imminent.id}/classroom`);
    await expectHeadingFocused(page, world.imminent.title);
    await tabTo(page, 'classroom-join');
  });

  it('on a phone, opens the menu with the burger and closes it with Escape, the focus back on the burger', async () => {
    await page.setViewportSize(PHONE_VIEWPORT);
    await signIn(page, world.trainee);
    await expectHeadingFocused(page, 'Bonjour, Salma Alaoui');
    const burger = page.getByRole('button', { name: 'Menu' });
    const schedule = page.getByTestId('nav-schedule');
    expect(await burger.getAttribute('aria-expanded')).toBe('false');
    expect(await schedule.isVisible()).toBe(false);
    // The page's heading starts below the fixed header.
    const header = (await page.getByRole('banner').boundingBox())!;
    const heading = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
    expect(heading.y).toBeGreaterThanOrEqual(header.y + header.height);

    await burger.focus();
    await page.keyboard.press('Enter');
    expect(await burger.getAttribute('aria-expanded')).toBe('true');
    const menu = page.locator(`#${await burger.getAttribute('aria-controls')}`);
    expect(await menu.getByTestId('nav-sign-out').isVisible()).toBe(true);
    await tabTo(page, 'nav-schedule');
    expect(await schedule.getAttribute('aria-current')).toBeNull();
    expect(await page.getByTestId('nav-home').getAttribute('aria-current')).toBe('page');
    await page.keyboard.press('Escape');
    expect(await burger.getAttribute('aria-expanded')).toBe('false');
    expect(await burger.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await schedule.isVisible()).toBe(false);

    // In Arabic too, and nothing sticks out sideways; following a link closes the menu.
    await switchLanguage(page, 'ar');
    const arabicBurger = page.getByRole('button', { name: 'القائمة' });
    await arabicBurger.focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      PHONE_VIEWPORT.width,
    );
    await tabTo(page, 'nav-schedule');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/schedule');
    // The address changes first; the page (and the menu's current link) once its code is there.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(await arabicBurger.getAttribute('aria-expanded')).toBe('false');
    expect(await schedule.getAttribute('aria-current')).toBe('page');
  });

  it('shows the focus on the catalogue’s search field and on each course card', async () => {
    await signIn(page, world.trainee);
    await page.goto('/courses');
    await page.getByTestId('course-card').first().waitFor();
    await tabTo(page, 'catalog-search');
    await tabTo(page, 'course-card');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/courses\/[0-9a-f-]{36}$/);
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  });
});
