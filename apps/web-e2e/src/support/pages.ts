import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Locale } from '@mre/contracts';
import { PHONE_VIEWPORT } from './browser';
import { platform } from './platform';

export interface Credentials {
  email: string;
  password: string;
}

/**
 * Signs in through the login page and waits for the page the person lands on: the dashboard for
 * admins, their home for trainees, the catalogue for the others.
 */
export async function signIn(page: Page, { email, password }: Credentials): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => url.pathname !== '/login' && url.pathname !== '/');
  await page.locator('main h1').first().waitFor();
}

/** Picks the language in the header and waits until the document follows it. */
export async function switchLanguage(page: Page, locale: Locale): Promise<void> {
  await page.getByTestId(`lang-${locale}`).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, locale);
}

/** Chooses an option of a Mantine Select the way a user does: open it, click the option. */
export async function chooseOption(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Waits until `locator` matches exactly `expected` elements (lists keep their old items while reloading). */
export async function waitForCount(locator: Locator, expected: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let count = await locator.count();
  while (count !== expected) {
    if (Date.now() > deadline)
      throw new Error(`Expected ${expected} element(s) for ${locator}, found ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    count = await locator.count();
  }
}

export async function documentDirection(page: Page): Promise<{ dir: string; lang: string }> {
  return page.evaluate(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang }));
}

/** A full-page screenshot in this run's folder (printed at the start and the end of the run). */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  // Fonts and pending requests settle before the picture is taken.
  await page.evaluate(() => document.fonts.ready);
  // And running transitions: after a language switch the shell slides its sidebar to the other side
  // (one cancelled on the way rejects its promise: nothing left to wait for). A spinner turns for
  // ever: its end never comes.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  // From the top: a full-page picture of a scrolled page draws the fixed header where it scrolled to.
  await page.evaluate(() => window.scrollTo(0, 0));
  const path = join(platform().screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Screenshots of the page as it is at desktop width (`<name>-desktop`) and at phone width
 * (`<name>-phone`), which fails when anything sticks out sideways there; the desktop size comes back.
 */
export async function saveScreenshotsDesktopAndPhone(page: Page, name: string): Promise<void> {
  const desktop = page.viewportSize();
  if (!desktop) throw new Error('The page has no viewport');
  await saveScreenshot(page, `${name}-desktop`);
  await page.setViewportSize(PHONE_VIEWPORT);
  await saveScreenshot(page, `${name}-phone`);
  const outside = await outsideTheViewport(page);
  if (outside.length > 0)
    throw new Error(`At ${PHONE_VIEWPORT.width} px, ${name} sticks out sideways:\n${outside.join('\n')}`);
  await page.setViewportSize(desktop);
}

/**
 * What in the header and the page sticks out of the viewport sideways, or makes the page scroll
 * sideways. The header is fixed: what overflows it is cut off rather than widening the page, hence
 * a look at each element. Content of a scrolling box (a wide table) is meant to scroll.
 */
async function outsideTheViewport(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (element: Element) => {
      for (let box = element.parentElement; box; box = box.parentElement)
        if (/auto|scroll/.test(getComputedStyle(box).overflowX)) return true;
      return false;
    };
    const outside = [...document.querySelectorAll('header *, main *')]
      .filter((element) => {
        const { left, right, width: elementWidth } = element.getBoundingClientRect();
        return elementWidth > 0 && (left < -1 || right > width + 1) && !scrolls(element);
      })
      .map((element) => `<${element.tagName.toLowerCase()}> ${(element.textContent ?? '').slice(0, 60)}`);
    const overflow = document.documentElement.scrollWidth - width;
    return overflow > 0 ? [`the page is ${overflow} px wider`, ...outside] : outside;
  });
}
