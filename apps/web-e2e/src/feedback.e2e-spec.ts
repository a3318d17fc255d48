import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/accessibility';
import { apiAs } from './support/api';
import { seedCohort } from './support/cohort-seed';
import { launchBrowser, newPage, PHONE_VIEWPORT } from './support/browser';
import { platform } from './support/platform';
import { saveScreenshot, signIn, switchLanguage, waitForCount } from './support/pages';

describe('session feedback', () => {
  let browser: Browser;
  const pages: Page[] = [];
  const password = 'a-good-password';
  const tag = randomBytes(3).toString('hex');
  const expert = { email: `expert-fb-${tag}@academy.test`, password };
  const trainee = { email: `trainee-fb-${tag}@academy.test`, password };
  let sessionId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const { cohortId } = await seedCohort({
      label: 'avis',
      code: 'FB',
      tag,
      country: 'Belgique',
      sector: 'automotive',
      city: 'Oujda',
      courseTitle: { ar: 'صيانة المكابح', fr: 'Entretien des freins' },
      expert: { ...expert, fullName: 'Karim Expert' },
      trainee: { ...trainee, fullName: 'Salma Stagiaire' },
    });
    // Yesterday's class: its survey is open for 6 more days.
    const created = await (
      await apiAs(expert)
    )<{ items: { id: string }[] }>('POST', `/api/cohorts/${cohortId}/sessions`, {
      titles: { ar: 'فحص الأقراص', fr: 'Contrôle des disques' },
      startsAt: new Date(Math.floor(Date.now() / 60_000) * 60_000 - 26 * 3600_000).toISOString(),
      durationMinutes: 60,
      mode: 'remote',
    });
    sessionId = created.items[0].id;
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

  it('a trainee on a phone rates yesterday’s class from the past sessions, with the keyboard too; the expert sees only the count', async () => {
    const page = await open();
    await page.setViewportSize(PHONE_VIEWPORT);
    await signIn(page, trainee);
    await switchLanguage(page, 'ar');
    await page.goto('/schedule');
    const past = page.getByTestId('past-sessions').locator(`[data-session-id="${sessionId}"]`);
    await waitForCount(past, 1);
    await past.getByTestId('session-give-feedback').filter({ hasText: 'أبدِ رأيك' }).click();
    await page.waitForURL(`**/sessions/${sessionId}/feedback`);
    await page.getByTestId('feedback-session-title').filter({ hasText: 'فحص الأقراص' }).waitFor();
    await page.getByTestId('feedback-open-until').filter({ hasText: 'مفتوح حتى' }).waitFor();

    await page.getByTestId('feedback-content').getByRole('radio', { name: '4' }).check();
    // The keyboard: the arrows move through a group's scores.
    await page.getByTestId('feedback-clarity').getByRole('radio', { name: '3' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown'); // the next score, whichever way the line runs
    expect(await page.getByTestId('feedback-clarity').getByRole('radio', { name: '4' }).isChecked()).toBe(
      true,
    );
    await page.getByTestId('feedback-audioVideo').getByRole('radio', { name: '2' }).check();
    await page.getByTestId('feedback-comment').fill('الصوت كان ينقطع أحيانًا');
    await saveScreenshot(page, 'feedback-form-ar-phone');
    await expectNoAxeViolations(page, 'feedback form (ar)');
    await page.getByTestId('feedback-submit').click();
    await page.getByTestId('feedback-open-until').filter({ hasText: 'تم حفظ إجابتك' }).waitFor();
    await saveScreenshot(page, 'feedback-saved-ar-phone');

    await switchLanguage(page, 'fr');
    await page
      .getByTestId('feedback-open-until')
      .filter({ hasText: 'Vous pouvez la modifier jusqu’au' })
      .waitFor();
    expect(await page.getByTestId('feedback-submit').innerText()).toBe('Modifier mon avis');
    await saveScreenshot(page, 'feedback-saved-fr-phone');
    await expectNoAxeViolations(page, 'feedback saved (fr)');

    const expertPage = await open();
    await expertPage.setViewportSize(PHONE_VIEWPORT);
    await signIn(expertPage, expert);
    await switchLanguage(expertPage, 'fr');
    await expertPage.goto(`/sessions/${sessionId}/feedback`);
    await expertPage.getByTestId('feedback-answers').filter({ hasText: '1 réponse' }).waitFor();
    await expertPage.getByTestId('feedback-below-threshold').waitFor();
    await expertPage
      .getByTestId('feedback-session-title')
      .filter({ hasText: 'Contrôle des disques' })
      .waitFor();
    expect(await expertPage.getByText('الصوت كان ينقطع').count()).toBe(0);
    await saveScreenshot(expertPage, 'feedback-staff-fr-phone');
    await expectNoAxeViolations(expertPage, 'feedback summary (fr)');
  }, 180_000);

  it('an admin sees who wrote the comment only after pressing a button that says the look is audited', async () => {
    const page = await open();
    await page.setViewportSize(PHONE_VIEWPORT);
    await signIn(page, platform().admin);
    await switchLanguage(page, 'ar');
    await page.goto(`/sessions/${sessionId}/feedback`);
    await page.getByTestId('feedback-below-threshold').waitFor();
    await page.getByText('سيُسجَّل هذا الاطلاع في سجل التدقيق').waitFor();
    expect(await page.getByText('الصوت كان ينقطع').count()).toBe(0);
    await saveScreenshot(page, 'feedback-admin-before-ar-phone');
    await expectNoAxeViolations(page, 'feedback authors button (ar)');

    await page.getByRole('button', { name: 'عرض كاتب كل تعليق' }).click();
    await page.getByTestId('feedback-comment-author').filter({ hasText: 'Salma Stagiaire' }).waitFor();
    await page.getByTestId('feedback-comments').filter({ hasText: 'الصوت كان ينقطع أحيانًا' }).waitFor();
    await page.getByTestId('feedback-authors-shown').waitFor();
    await saveScreenshot(page, 'feedback-admin-authors-ar-phone');

    await switchLanguage(page, 'fr');
    await page.getByTestId('feedback-comment-author').filter({ hasText: 'Par Salma Stagiaire' }).waitFor();
    await saveScreenshot(page, 'feedback-admin-authors-fr-phone');
    await expectNoAxeViolations(page, 'feedback authors (fr)');
  }, 120_000);
});
