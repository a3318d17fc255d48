import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/accessibility';
import { seedCohort } from './support/cohort-seed';
import { launchBrowser, newPage, PHONE_VIEWPORT } from './support/browser';
import { chooseOption, saveScreenshot, signIn, switchLanguage } from './support/pages';

describe('quizzes', () => {
  let browser: Browser;
  const pages: Page[] = [];
  const password = 'a-good-password';
  const tag = randomBytes(3).toString('hex');
  const expert = { email: `expert-quiz-${tag}@academy.test`, password };
  const trainee = { email: `trainee-quiz-${tag}@academy.test`, password };
  let courseId: string;
  let cohortId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const seeded = await seedCohort({
      label: 'quiz',
      code: 'QUIZ',
      tag,
      country: 'Canada',
      sector: 'aeronautics',
      city: 'Fès',
      courseTitle: { ar: 'السلامة الكهربائية', fr: 'Sécurité électrique' },
      expert: { ...expert, fullName: 'Nadia Experte', timeZone: 'America/Toronto' },
      trainee: { ...trainee, fullName: 'Youssef Stagiaire' },
      startsOn: '2026-11-01',
      endsOn: '2027-06-30',
      courseExpert: true,
    });
    ({ courseId, cohortId } = seeded);
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

  it('an expert writes a quiz with an Arabic question and opens it; a trainee takes it on a phone, offline for a while, and sees the result', async () => {
    const expertPage = await open();
    await signIn(expertPage, expert);
    await switchLanguage(expertPage, 'fr');
    await expertPage.goto(`/courses/${courseId}/edit`);
    await expertPage.getByTestId('module-new-quiz').waitFor();
    // The course's edit page, in both languages, before its quiz is written.
    await expectNoAxeViolations(expertPage, 'course edit page (fr)');
    await switchLanguage(expertPage, 'ar');
    await expectNoAxeViolations(expertPage, 'course edit page (ar)');
    await switchLanguage(expertPage, 'fr');
    await expertPage.getByTestId('module-new-quiz').click();
    await expertPage.getByTestId('quiz-title-fr').fill('Quiz de sécurité');
    await expertPage.getByTestId('quiz-title-ar').fill('اختبار السلامة');
    await expertPage.getByTestId('quiz-question-1-prompt-ar').fill('ما لون سلك الأرضي؟');
    await expertPage.getByTestId('quiz-question-1-prompt-fr').fill('Couleur du fil de terre ?');
    await expertPage.getByTestId('quiz-question-1-choice-1-fr').fill('Vert-jaune');
    await expertPage.getByTestId('quiz-question-1-choice-1-ar').fill('أخضر وأصفر');
    await expertPage.getByTestId('quiz-question-1-choice-2-fr').fill('Bleu');
    await expertPage.getByTestId('quiz-add-question').click();
    await chooseOption(expertPage, 'quiz-question-2-kind', 'Réponse courte');
    await expertPage.getByTestId('quiz-question-2-prompt-ar').fill('ما اسم الجهاز الذي يقيس التوتر؟');
    await expertPage.getByTestId('quiz-question-2-accepted').fill('الفُولْتمِتر');
    await expertPage.getByTestId('quiz-question-2-accepted').press('Enter');
    await expertPage.getByTestId('quiz-save').click();
    await expertPage.waitForURL(/\/quizzes\/[0-9a-f-]{36}$/);
    await expertPage.getByRole('heading', { name: 'Modifier le quiz' }).waitFor();
    await saveScreenshot(expertPage, 'quiz-editor-fr');
    await expectNoAxeViolations(expertPage, 'quiz editor');
    await switchLanguage(expertPage, 'ar');
    await expectNoAxeViolations(expertPage, 'quiz editor (ar)');
    await switchLanguage(expertPage, 'fr');

    await expertPage.goto(`/cohorts/${cohortId}`);
    await expertPage.getByTestId('cohort-quiz-schedule').click();
    await expertPage.getByTestId('quiz-schedule-save').click();
    await expertPage.getByTestId('cohort-quiz').getByText('Ouvert', { exact: true }).waitFor();

    const traineePage = await open();
    await traineePage.setViewportSize(PHONE_VIEWPORT);
    await signIn(traineePage, trainee);
    await switchLanguage(traineePage, 'ar');
    await traineePage.goto('/home');
    await traineePage.getByTestId('my-quiz').getByText('اختبار السلامة').waitFor();
    await traineePage.getByTestId('my-quiz-start').click();
    await traineePage.waitForURL(/\/attempts\/[0-9a-f-]{36}$/);
    await traineePage.getByRole('radio', { name: 'أخضر وأصفر' }).check();
    await traineePage.getByTestId('attempt-sync').filter({ hasText: 'حُفظت الإجابات' }).waitFor();
    await saveScreenshot(traineePage, 'quiz-attempt-ar-phone');
    await expectNoAxeViolations(traineePage, 'quiz attempt (ar)');

    // The connection drops: the answer is kept on the phone, and goes when it returns.
    await traineePage.context().setOffline(true);
    await traineePage.getByTestId('question-2-input').fill('الفولتمتر');
    await traineePage.getByTestId('attempt-sync').filter({ hasText: 'دون اتصال' }).waitFor();
    await traineePage.context().setOffline(false);
    await traineePage
      .getByTestId('attempt-sync')
      .filter({ hasText: 'حُفظت الإجابات' })
      .waitFor({ timeout: 20_000 });
    // A reload (or coming back later) finds the answers where they were.
    await traineePage.reload();
    await traineePage.getByTestId('question-2-input').waitFor();
    expect(await traineePage.getByTestId('question-2-input').inputValue()).toBe('الفولتمتر');
    expect(await traineePage.getByRole('radio', { name: 'أخضر وأصفر' }).isChecked()).toBe(true);

    await traineePage.getByTestId('attempt-submit').click();
    await traineePage.getByTestId('attempt-submit-confirm').click();
    const score = traineePage.getByTestId('attempt-score');
    await score.waitFor();
    expect(await score.innerText()).toContain('2 / 2');
    expect(await traineePage.getByTestId('attempt-passed').innerText()).toBe('ناجح');
    await saveScreenshot(traineePage, 'quiz-result-ar-phone');
    await expectNoAxeViolations(traineePage, 'quiz result (ar)');
    await switchLanguage(traineePage, 'fr');
    await traineePage.getByTestId('attempt-passed').filter({ hasText: 'Réussi' }).waitFor();
    await saveScreenshot(traineePage, 'quiz-result-fr-phone');

    await expertPage.goto(`/cohorts/${cohortId}`);
    await expertPage.getByTestId('cohort-quiz').getByRole('link', { name: 'Résultats' }).click();
    const row = expertPage
      .getByTestId('quiz-results-trainees')
      .getByRole('row', { name: /Youssef Stagiaire/ });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/100\s?%/);
    await saveScreenshot(expertPage, 'quiz-results-fr');
    await expectNoAxeViolations(expertPage, 'quiz results');
    await switchLanguage(expertPage, 'ar');
    await expectNoAxeViolations(expertPage, 'quiz results (ar)');
  }, 240_000);
});
