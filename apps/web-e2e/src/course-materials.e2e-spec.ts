import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/accessibility';
import { seedCohort } from './support/cohort-seed';
import { launchBrowser, newPage } from './support/browser';
import { saveScreenshot, signIn, switchLanguage, waitForCount } from './support/pages';

/** A small PDF that readers open, with a marker to recognise the downloaded copy. */
function pdf(marker: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${marker}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}

describe('course files', () => {
  let browser: Browser;
  const pages: Page[] = [];
  const password = 'a-good-password';
  const tag = randomBytes(3).toString('hex');
  const expert = { email: `expert-files-${tag}@academy.test`, password };
  const trainee = { email: `trainee-files-${tag}@academy.test`, password };
  let courseId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const seeded = await seedCohort({
      label: 'fichiers',
      code: 'FILES',
      tag,
      country: 'France',
      sector: 'aeronautics',
      city: 'Oujda',
      courseTitle: { ar: 'صيانة المحركات', fr: 'Maintenance des moteurs' },
      expert: { ...expert, fullName: 'Karim Expert' },
      trainee: { ...trainee, fullName: 'Salma Stagiaire' },
      startsOn: '2027-01-01',
      endsOn: '2027-06-30',
      courseExpert: true,
    });
    courseId = seeded.courseId;
    await seeded.admin('POST', `/api/courses/${courseId}/modules`, {
      title: { ar: 'الوحدة الأولى', fr: 'Premier module' },
      position: 1,
    });
  });

  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await browser.close();
  });

  const open = async () => {
    const page = await newPage(browser);
    pages.push(page);
    return page;
  };

  it('an expert uploads a PDF to a module, and an enrolled trainee downloads it', async () => {
    const fileName = 'دليل الصيانة.pdf';
    const bytes = pdf(`browser-${tag}`);

    const expertPage = await open();
    await signIn(expertPage, expert);
    await switchLanguage(expertPage, 'fr');
    await expertPage.goto(`/courses/${courseId}`);
    await expertPage.getByTestId('course-edit').click();
    await expertPage.waitForURL(`**/courses/${courseId}/edit`);
    // The course's experts edit its own fields too (not its status: that stays with the admins).
    await expertPage.getByTestId('title-ar').fill('صيانة محركات الطائرات');
    expect(await expertPage.getByTestId('course-status-select').count()).toBe(0);
    await expertPage.getByTestId('course-save').click();
    await expertPage.getByTestId('course-saved').waitFor();
    await saveScreenshot(expertPage, 'course-edit-expert-fr');
    await switchLanguage(expertPage, 'ar');
    await saveScreenshot(expertPage, 'course-edit-expert-ar');
    await switchLanguage(expertPage, 'fr');
    await expertPage.getByTestId('module-files-open').click();
    await expertPage
      .locator('input[type="file"]')
      .setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: bytes });
    await expertPage.getByTestId('material-file-title-fr').fill('Guide de maintenance');
    await expertPage.getByTestId('material-upload').click();
    const rows = expertPage.getByTestId('module-files').locator('tr');
    await waitForCount(rows, 1);
    expect(await rows.first().innerText()).toContain('Guide de maintenance');
    await expertPage.getByRole('status').filter({ hasText: 'Le fichier a été ajouté.' }).waitFor();
    // The striped progress bar animates for as long as it is shown; it goes once the upload is in.
    await expertPage.getByTestId('material-upload-progress').waitFor({ state: 'detached' });
    await saveScreenshot(expertPage, 'course-files-upload-fr');
    await expertPage.getByRole('button', { name: 'Fermer' }).last().click();
    await expertPage.getByTestId('module-files').waitFor({ state: 'detached' });
    await expectNoAxeViolations(expertPage, 'course modules page');

    const traineePage = await open();
    await signIn(traineePage, trainee);
    await switchLanguage(traineePage, 'ar');
    await traineePage.goto(`/courses/${courseId}`);
    await traineePage.getByRole('heading', { name: 'صيانة محركات الطائرات' }).waitFor();
    const item = traineePage.getByTestId('material-file');
    await waitForCount(item, 1);
    // Only a French title was given: the Arabic page shows it rather than nothing.
    expect(await item.innerText()).toContain('Guide de maintenance');
    expect(await item.getByTestId('material-size').innerText()).toMatch(/\d+\s*بايت|\d/);
    await saveScreenshot(traineePage, 'course-files-trainee-ar');
    await expectNoAxeViolations(traineePage, 'course page with files (ar)');

    const [download] = await Promise.all([
      traineePage.waitForEvent('download'),
      item.getByTestId('material-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe(fileName);
    const saved = await download.path();
    expect(Buffer.compare(await readFile(saved), bytes)).toBe(0);

    await switchLanguage(traineePage, 'fr');
    await item.getByTestId('material-download').filter({ hasText: 'Télécharger' }).waitFor();
    await saveScreenshot(traineePage, 'course-files-trainee-fr');
  });
});
