import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { apiAs, createUser } from './support/api';
import { expectNoAxeViolations } from './support/accessibility';
import { launchBrowser, newPage } from './support/browser';
import { documentDirection, saveScreenshotsDesktopAndPhone, signIn, switchLanguage } from './support/pages';
import { platform } from './support/platform';

/** The reset link of the newest e-mail the worker wrote for this address (quoted-printable undone). */
async function resetLinkFor(email: string, timeoutMs = 20_000): Promise<string> {
  const outbox = join(process.env.E2E_DATA_DIR as string, 'mail');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = (await readdir(outbox).catch(() => [] as string[])).sort().reverse();
    for (const file of files) {
      const raw = (await readFile(join(outbox, file), 'utf8')).replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      if (!raw.includes(`To: ${email}`)) continue;
      const link = /(https?:\/\/[^\s"<>]+\/reset-password\?token=[A-Za-z0-9._%-]+)/.exec(raw)?.[1];
      if (link) return link;
    }
    if (Date.now() > deadline) throw new Error(`no reset e-mail for ${email} in ${outbox}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('account lifecycle', () => {
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

  it('forgot password: from the sign-in page to the e-mailed link, which works once', async () => {
    const user = {
      email: `reset-${randomBytes(4).toString('hex')}@academy.test`,
      password: 'first-password-123',
    };
    await createUser(platform().admin, { ...user, fullName: 'Nadia Tazi', role: 'trainee' });

    await page.goto('/login');
    await switchLanguage(page, 'ar');
    await page.getByTestId('forgot-password-link').click();
    await page.getByTestId('forgot-password-email').fill(user.email);
    await expectNoAxeViolations(page, 'forgot password (ar)');
    await saveScreenshotsDesktopAndPhone(page, 'forgot-password-ar');
    // And in French, on the same page.
    await switchLanguage(page, 'fr');
    await expectNoAxeViolations(page, 'forgot password (fr)');
    await switchLanguage(page, 'ar');
    await page.getByTestId('forgot-password-submit').click();
    await page.getByTestId('forgot-password-sent').waitFor();
    expect(await documentDirection(page)).toEqual({ dir: 'rtl', lang: 'ar' });

    const link = new URL(await resetLinkFor(user.email));
    await switchLanguage(page, 'fr');
    await page.goto(`${link.pathname}${link.search}`);
    await page.getByTestId('reset-password').fill('my-new-passphrase');
    await page.getByTestId('reset-confirm').fill('my-new-passphrase');
    await expectNoAxeViolations(page, 'reset password (fr)');
    await saveScreenshotsDesktopAndPhone(page, 'reset-password-fr');
    await switchLanguage(page, 'ar');
    await expectNoAxeViolations(page, 'reset password (ar)');
    await switchLanguage(page, 'fr');
    await page.getByTestId('reset-password-submit').click();
    // Signed in: a trainee lands on their home page.
    await page.waitForURL('**/home');

    // Signed out (on the server too), the same link no longer works, and the new password does.
    await page.getByTestId('sign-out').click();
    await page.waitForURL('**/login');
    await page.goto(`${link.pathname}${link.search}`);
    await switchLanguage(page, 'fr');
    await page.getByTestId('reset-password').fill('another-passphrase');
    await page.getByTestId('reset-confirm').fill('another-passphrase');
    await page.getByTestId('reset-password-submit').click();
    const error = page.getByTestId('reset-password-error');
    await error.waitFor();
    expect(await error.innerText()).toContain('déjà servi');
    await signIn(page, { email: user.email, password: 'my-new-passphrase' });
  });

  it('People page: search, filters, edit, invitation again and the audit trail, in Arabic and French', async () => {
    const tag = randomBytes(3).toString('hex');
    const admin = await apiAs(platform().admin);
    const centre = await admin<{ id: string; name: string }>('POST', '/api/centres', {
      name: `Centre Tanger ${tag}`,
      city: 'Tanger',
    });
    await admin('POST', '/api/users', {
      email: `invited-${tag}@academy.test`,
      fullName: `Hind Alami ${tag}`,
      role: 'trainee',
      centreId: centre.id,
    });
    await admin('POST', '/api/users', {
      email: `active-${tag}@academy.test`,
      fullName: `Youssef Bennis ${tag}`,
      role: 'trainee',
      centreId: centre.id,
      password: 'trainee-password-1',
    });

    await signIn(page, platform().admin);
    await switchLanguage(page, 'ar');
    await page.getByTestId('nav-people').first().click();
    await page.getByTestId('user-search').fill(tag);
    const rows = page.getByTestId('user-row');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="user-row"]').length === 2,
      undefined,
      { timeout: 10_000 },
    );
    await expectNoAxeViolations(page, 'people (ar)');
    await saveScreenshotsDesktopAndPhone(page, 'people-ar');

    // Send Hind's invitation again.
    await rows.filter({ hasText: 'Hind' }).getByTestId('user-resend-invitation').click();
    await page.getByTestId('user-invitation-sent').waitFor();

    // Disable Youssef, then find him with the status filter.
    await switchLanguage(page, 'fr');
    await rows.filter({ hasText: 'Youssef' }).getByTestId('user-edit').click();
    await page.getByTestId('user-edit-status').click();
    await page.getByRole('option', { name: 'Désactivé', exact: true }).click();
    await page.getByTestId('user-edit-save').click();
    await page.getByTestId('user-status-filter').click();
    await page.getByRole('option', { name: 'Désactivé', exact: true }).click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="user-row"]').length === 1,
      undefined,
      { timeout: 10_000 },
    );
    expect(await rows.first().innerText()).toContain('Youssef');
    await expectNoAxeViolations(page, 'people (fr)');
    await saveScreenshotsDesktopAndPhone(page, 'people-fr');

    // His audit trail shows the change, by the admin.
    await rows.first().getByTestId('user-audit').click();
    await page.getByTestId('audit-person').waitFor();
    const trail = page.getByTestId('audit-table');
    await trail.waitFor();
    expect(await trail.innerText()).toContain('Compte désactivé');
    await saveScreenshotsDesktopAndPhone(page, 'people-audit-fr');
  });
});
