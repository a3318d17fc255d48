import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/accessibility';
import { seedCohort } from './support/cohort-seed';
import { launchBrowser, newPage, PHONE_VIEWPORT } from './support/browser';
import { saveScreenshot, saveScreenshotsDesktopAndPhone, signIn, switchLanguage } from './support/pages';

describe('cohort board', () => {
  let browser: Browser;
  const pages: Page[] = [];
  const password = 'a-good-password';
  const tag = randomBytes(3).toString('hex');
  const expert = { email: `expert-board-${tag}@academy.test`, password };
  const trainee = { email: `trainee-board-${tag}@academy.test`, password };
  let cohortId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ cohortId } = await seedCohort({
      label: 'tableau',
      code: 'BRD',
      tag,
      country: 'Canada',
      sector: 'aeronautics',
      city: 'Salé',
      courseTitle: { ar: 'صيانة الطائرات', fr: 'Maintenance des aéronefs' },
      expert: { ...expert, fullName: 'Karim Benjelloun', timeZone: 'America/Toronto' },
      trainee: { ...trainee, fullName: 'سلمى العلوي' },
    }));
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

  it('the teacher posts an announcement, the trainee reads it and asks, the teacher answers and accepts', async () => {
    // The teacher, from Toronto, writes to the cohort from its page.
    const teacher = await open();
    await signIn(teacher, expert);
    await switchLanguage(teacher, 'fr');
    await teacher.goto(`/cohorts/${cohortId}`);
    await teacher.getByTestId('announcements-empty').waitFor();
    await teacher.getByTestId('announcement-new').click();
    await teacher.getByTestId('announcement-title-input').fill('Séance de jeudi avancée à 9 h');
    await teacher
      .getByTestId('announcement-body-input')
      .fill(
        '**Important** : relisez le *chapitre 2* avant la séance.\n- les trains d’atterrissage\n- les freins',
      );
    await teacher.getByTestId('announcement-submit').click();
    const posted = teacher.getByTestId('announcement').filter({ hasText: 'Séance de jeudi avancée à 9 h' });
    await posted.waitFor();
    expect(await posted.locator('strong').innerText()).toBe('Important');
    await saveScreenshotsDesktopAndPhone(teacher, 'board-announcement-fr');
    await expectNoAxeViolations(teacher, 'cohort board announcements (fr)');

    // The trainee, on a phone in Arabic, finds it from My courses and asks a question.
    const learner = await open();
    await learner.setViewportSize(PHONE_VIEWPORT);
    await signIn(learner, trainee);
    await switchLanguage(learner, 'ar');
    await learner.goto('/my-courses');
    await learner.getByTestId('my-course-board').click();
    await learner.waitForURL(`**/cohort-board/${cohortId}`);
    const read = learner.getByTestId('announcement').filter({ hasText: 'Séance de jeudi avancée à 9 h' });
    await read.waitFor();
    expect(await read.locator('li').count()).toBe(2);
    expect(await learner.getByTestId('announcement-new').count()).toBe(0);
    await saveScreenshot(learner, 'board-announcement-ar-phone');
    await expectNoAxeViolations(learner, 'cohort board announcements (ar)');

    await learner.getByTestId('board-tab-questions').click();
    await learner.getByTestId('ask-submit').click();
    await learner.getByTestId('ask-form').getByText('المرجو كتابة نص هنا.').waitFor();
    await learner.getByTestId('ask-input').fill('ما هو ضغط الإطارات المطلوب قبل الإقلاع؟ (psi)');
    // A photo of the gauge, as a PDF: the file goes into the course storage with its rules.
    await learner.locator('input[type="file"]').setInputFiles({
      name: 'صورة العداد.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(
        '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
      ),
    });
    await learner.getByTestId('ask-submit').click();
    const askedByMe = learner.getByTestId('question').filter({ hasText: 'ما هو ضغط الإطارات' });
    await askedByMe.waitFor();
    await askedByMe.getByTestId('question-file').filter({ hasText: 'صورة العداد.pdf' }).waitFor();
    await saveScreenshot(learner, 'board-question-ar-phone');
    await expectNoAxeViolations(learner, 'cohort board questions (ar)');

    // The teacher answers, accepts the answer and keeps the question for the next session.
    await teacher.reload();
    await teacher.getByTestId('board-tab-questions').click();
    const asked = teacher.getByTestId('question').filter({ hasText: 'ما هو ضغط الإطارات' });
    const [saved] = await Promise.all([
      teacher.waitForEvent('download'),
      asked.getByTestId('question-file').click(),
    ]);
    expect(saved.suggestedFilename()).toBe('صورة العداد.pdf');
    await asked.getByTestId('answer-input').fill('Voir la fiche 3 : **200 psi** pour le train principal.');
    await asked.getByTestId('answer-submit').click();
    await asked.getByTestId('answer').filter({ hasText: '200 psi' }).waitFor();
    await asked.getByTestId('answer-accept').click();
    await asked.getByTestId('answer-accepted').waitFor();
    await asked.getByTestId('question-pin').click();
    await asked.getByTestId('question-pinned').waitFor();
    await saveScreenshotsDesktopAndPhone(teacher, 'board-answered-fr');
    await expectNoAxeViolations(teacher, 'cohort board answered (fr)');

    // The trainee sees the accepted answer, in Arabic and in French.
    await learner.reload();
    const mine = learner.getByTestId('question').filter({ hasText: 'ما هو ضغط الإطارات' });
    await mine.getByTestId('answer-accepted').filter({ hasText: 'إجابة مقبولة' }).waitFor();
    await saveScreenshot(learner, 'board-accepted-ar-phone');
    await switchLanguage(learner, 'fr');
    await mine.getByTestId('answer-accepted').filter({ hasText: 'Réponse acceptée' }).waitFor();
    await saveScreenshotsDesktopAndPhone(learner, 'board-accepted-fr');
    await expectNoAxeViolations(learner, 'cohort board accepted (fr)');
  }, 240_000);
});
