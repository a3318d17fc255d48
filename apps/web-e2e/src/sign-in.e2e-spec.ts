import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from './support/browser';
import { switchLanguage } from './support/pages';
import { platform } from './support/platform';

describe('sign-in page', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    page = await newPage(browser);
  });
  afterEach(() => page.context().close());

  it('tells the user when the password is wrong, and stays on the page', async () => {
    await page.goto('/login');
    await switchLanguage(page, 'en');
    await page.getByTestId('login-email').fill(platform().admin.email);
    await page.getByTestId('login-password').fill('not-the-admin-password');

    const [answer] = await Promise.all([
      page.waitForResponse((response) => response.url().endsWith('/api/auth/login')),
      page.getByTestId('login-submit').click(),
    ]);

    expect(answer.status()).toBe(401);
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('The e-mail or the password is incorrect.');
    expect(new URL(page.url()).pathname).toBe('/login');
  });
});
