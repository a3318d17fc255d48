import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { createUser } from './support/api';
import { expectNoAxeViolations } from './support/accessibility';
import { launchBrowser, newPage } from './support/browser';
import {
  chooseOption,
  documentDirection,
  saveScreenshotsDesktopAndPhone,
  signIn,
  switchLanguage,
} from './support/pages';
import { platform } from './support/platform';

describe('profile', () => {
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

  it('keeps the chosen language, time zone and data saver', async () => {
    // A user of its own (French, Casablanca by default), so that no other test sees the change.
    const trainee = {
      email: `trainee-${randomBytes(4).toString('hex')}@academy.test`,
      password: 'trainee-password-1',
    };
    await createUser(platform().admin, { ...trainee, fullName: 'Salma Benali', role: 'trainee' });
    await signIn(page, trainee);

    await page.getByTestId('nav-profile').click();
    await page.getByTestId('my-certificates').getByTestId('empty-state').waitFor();
    await expectNoAxeViolations(page, 'profile');
    await chooseOption(page, 'profile-locale', 'Anglais');
    await page.getByTestId('profile-time-zone').fill('Toronto');
    await page.getByRole('option', { name: 'America/Toronto', exact: true }).click();
    await page.getByTestId('profile-save').click();
    const saved = page.getByTestId('profile-saved');
    await saved.waitFor();
    expect(await saved.innerText()).toContain('Your profile is saved.');

    const [me] = await Promise.all([
      page.waitForResponse(
        (response) => response.url().endsWith('/api/me') && response.request().method() === 'GET',
      ),
      page.reload(),
    ]);

    expect(await me.json()).toMatchObject({ locale: 'en', timeZone: 'America/Toronto' });
    await page.getByRole('heading', { name: 'My profile', exact: true }).waitFor();
    expect(await page.getByTestId('profile-locale').inputValue()).toBe('English');
    expect(await page.getByTestId('profile-time-zone').inputValue()).toBe('America/Toronto');
    expect(await documentDirection(page)).toEqual({ dir: 'ltr', lang: 'en' });

    await switchLanguage(page, 'ar');
    await page.getByRole('heading', { name: 'ملفي الشخصي', exact: true }).waitFor();
    await expectNoAxeViolations(page, 'profile');

    // Data saver, from the keyboard: automatic at first (Chromium here reports a fast link), then on.
    const automatic = page.getByRole('radio', { name: 'تلقائي', exact: true });
    expect(await automatic.isChecked()).toBe(true);
    await automatic.focus();
    const [chosen] = await Promise.all([
      page.waitForResponse(
        (response) => response.url().endsWith('/api/me') && response.request().method() === 'PATCH',
      ),
      page.keyboard.press('ArrowDown'),
    ]);
    expect(await chosen.json()).toMatchObject({ dataSaver: true });
    expect(await page.getByTestId('data-saver-state').innerText()).toBe('مفعّل مهما كان الاتصال.');
    await saveScreenshotsDesktopAndPhone(page, 'profile-data-saver-ar');
  });
});
