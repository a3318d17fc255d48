import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { apiAs } from './support/api';
import { expectNoAxeViolations } from './support/accessibility';
import { launchBrowser, newPage } from './support/browser';
import { chooseOption, saveScreenshot, signIn, switchLanguage, waitForCount } from './support/pages';
import { platform } from './support/platform';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const CAPACITY = 3;
const ARABIC_NAME = 'ياسمين بنّاني';

interface Course {
  id: string;
  code: string;
}
interface Centre {
  id: string;
  name: string;
  city: string;
}

/**
 * A list as a French spreadsheet exports it: `;` separated, header names in mixed case, Windows line
 * ends, an Arabic name, a blank line, and one malformed e-mail (line 11) among 40 people.
 */
function enrollmentCsv(run: string): { csv: string; badRow: number } {
  const lines = ['Email;Full_Name;Locale'];
  for (let i = 1; i <= 40; i++) {
    if (i === 10) lines.push('not-an-email;Mauvaise Adresse;fr');
    else if (i === 1) lines.push(`yasmine.${run}@example.ma;${ARABIC_NAME};ar`);
    else lines.push(`person${i}.${run}@example.ma;Personne ${String(i).padStart(2, '0')} Élève;fr`);
  }
  lines.splice(20, 0, '');
  return { csv: `${lines.join('\r\n')}\r\n`, badRow: 11 };
}

describe('cohort CSV import', () => {
  let browser: Browser;
  let page: Page;
  let folder: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    folder = mkdtempSync(join(tmpdir(), 'mre-e2e-csv-'));
  });
  afterAll(async () => {
    await browser.close();
    rmSync(folder, { recursive: true, force: true });
  });
  beforeEach(async () => {
    page = await newPage(browser);
  });
  afterEach(() => page.context().close());

  it('imports 40 people into a cohort of 3 with a progress bar, a summary and the waitlist in the roster', async () => {
    const run = randomBytes(3).toString('hex');
    const api = await apiAs(platform().admin);
    const networks = await api<{ items: { id: string }[] }>('GET', '/api/networks?page=1&pageSize=1');
    const course = await api<Course>('POST', '/api/courses', {
      code: `E2E-COH-${run.toUpperCase()}`,
      title: { fr: `Câblage aéronautique ${run}`, ar: 'تمديد الأسلاك في الطائرات' },
      sectorCode: 'aeronautics',
      networkId: networks.items[0].id,
      format: 'hybrid',
      durationHours: 24,
      status: 'published',
    });
    const centre = await api<Centre>('POST', '/api/centres', {
      name: `ISTA Kénitra ${run}`,
      city: 'Kénitra',
    });

    // The cohort through its form, as an admin opens one.
    await signIn(page, platform().admin);
    await switchLanguage(page, 'fr');
    await page.getByTestId('nav-cohorts').click();
    // The list may be empty when this test runs alone (the demo data has no cohort).
    await page.getByTestId('cohort-create').waitFor();
    await expectNoAxeViolations(page, 'cohorts');
    await page.getByTestId('cohort-create').click();
    await chooseOption(page, 'cohort-course', `${course.code} — Câblage aéronautique ${run}`);
    await page.getByTestId('cohort-name').fill(`Kénitra printemps ${run}`);
    await chooseOption(page, 'cohort-centre', `${centre.name} (${centre.city})`);
    await page.getByTestId('cohort-capacity').fill(String(CAPACITY));
    await page.getByTestId('cohort-starts-on').fill('2026-03-02');
    await page.getByTestId('cohort-ends-on').fill('2026-06-26');
    await page.getByTestId('cohort-save').click();
    await page.waitForURL(new RegExp(`/cohorts/${UUID}$`));
    expect(await page.getByTestId('cohort-title').innerText()).toBe(`Kénitra printemps ${run}`);
    expect(await page.getByTestId('cohort-enrolled').innerText()).toBe(`0 / ${CAPACITY}`);

    const { csv, badRow } = enrollmentCsv(run);
    const file = join(folder, `inscriptions-${run}.csv`);
    writeFileSync(file, csv);
    await page.getByTestId('import-file-input').setInputFiles(file);
    await page.getByTestId('import-start').click();

    // The bar follows the job to 100 %, and stays there under the summary.
    const bar = page.getByTestId('import-progress');
    await bar.waitFor();
    await page.locator('[data-testid="import-progress"][aria-valuenow="100"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-progress-label').innerText()).toMatch(/^100\s%$/);
    expect(await page.getByTestId('import-state').innerText()).toBe('Import terminé');

    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    const count = async (name: string) => summary.getByTestId(`import-${name}`).innerText();
    expect({
      created: await count('created'),
      enrolled: await count('enrolled'),
      waitlisted: await count('waitlisted'),
      skipped: await count('skipped'),
      errors: await count('errors'),
    }).toEqual({ created: '39', enrolled: '3', waitlisted: '36', skipped: '0', errors: '1' });
    const problem = async () =>
      (await summary.getByTestId('import-error-list').innerText()).replace(/[\u2068\u2069]/g, '');
    expect(await problem()).toBe(`Ligne ${badRow} : « not-an-email » n’est pas une adresse e-mail valide`);
    const report = decodeURIComponent(
      (await summary.getByTestId('import-error-report').getAttribute('href'))
        ?.split(',')
        .slice(1)
        .join(',') ?? '',
    );
    expect(report).toBe(
      // In French: French headers, `;`, and the refused row repeated as it was in the file.
      `\uFEFFLigne;Problème;Email;Full_Name;Locale\r\n` +
        `${badRow};« not-an-email » n’est pas une adresse e-mail valide;not-an-email;Mauvaise Adresse;fr\r\n`,
    );

    // The counts and the roster are refreshed: 3 places taken, then the waitlist in order.
    await page.locator('[data-testid="cohort-waitlisted"]', { hasText: /^36$/ }).waitFor();
    expect(await page.getByTestId('cohort-enrolled').innerText()).toBe(`${CAPACITY} / ${CAPACITY}`);
    const rows = page.getByTestId('roster-row');
    await waitForCount(rows, 20);
    const firstPage = await rows.evaluateAll((elements) =>
      elements.map((row) => ({
        status: row.querySelector('[data-testid="enrollment-status"]')?.textContent,
        position: row.querySelector('[data-testid="roster-position"]')?.textContent,
      })),
    );
    expect(firstPage.slice(0, CAPACITY)).toEqual(Array(CAPACITY).fill({ status: 'Inscrit', position: '—' }));
    expect(firstPage.slice(CAPACITY)).toEqual(
      Array.from({ length: 20 - CAPACITY }, (_, i) => ({
        status: 'En liste d’attente',
        position: String(i + 1),
      })),
    );
    expect(await page.getByText('39 résultats').isVisible()).toBe(true);
    await saveScreenshot(page, 'cohort-import-fr');
    await expectNoAxeViolations(page, 'cohort page after an import');

    await page.getByTestId('roster-search').fill('ياسمين');
    await waitForCount(rows, 1);
    expect(await rows.getByTestId('roster-name').innerText()).toBe(ARABIC_NAME);
    // textContent: the badge shows its text in capitals.
    expect(await rows.getByTestId('enrollment-status').textContent()).toBe('Inscrit');
    await page.getByTestId('roster-search').fill('');
    await waitForCount(rows, 20);

    await switchLanguage(page, 'ar');
    await page.getByRole('heading', { name: 'المشاركون', exact: true }).waitFor();
    expect(await page.getByTestId('import-state').innerText()).toBe('اكتمل الاستيراد');
    expect(await problem()).toBe(`السطر ${badRow}: «not-an-email» ليس عنوان بريد إلكتروني صالحًا`);
    // From the top: the header is fixed, and a scrolled page would draw it over the content.
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, 'cohort-import-ar');
    await expectNoAxeViolations(page, 'cohort page after an import');

    await page.getByTestId('nav-cohorts').click();
    await page.getByTestId('cohort-search').fill(run);
    const listed = page.getByTestId('cohort-row');
    await waitForCount(listed, 1);
    // The list may show its cached counts for a moment, then the fresh ones.
    await listed
      .getByTestId('cohort-row-enrolled')
      .filter({ hasText: `${CAPACITY} / ${CAPACITY}` })
      .waitFor();
    await saveScreenshot(page, 'cohorts-ar');
    await expectNoAxeViolations(page, 'cohorts');
  });
});
