import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Locale } from '@mre/contracts';
import { platform } from './platform';

export interface Credentials {
  email: string;
  password: string;
}

/** Signs in through the login page and waits for the catalogue, where a signed-in user lands. */
export async function signIn(page: Page, { email, password }: Credentials): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL('**/courses');
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
  // And running transitions: after a language switch the shell slides its sidebar to the other side.
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
  const path = join(platform().screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
