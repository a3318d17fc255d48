import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { apiAs, type ApiCall } from './support/api';
import { expectNoAxeViolations } from './support/accessibility';
import { launchBrowser, newPage } from './support/browser';
import { waitForSettledLayout } from './support/live-class';
import {
  chooseOption,
  saveScreenshot,
  saveScreenshotsDesktopAndPhone,
  signIn,
  switchLanguage,
  waitForCount,
  type Credentials,
} from './support/pages';
import { platform, processLogTail } from './support/platform';

// Generous: the worker renders each PDF in Chromium, and on the 2-core CI machine it shares the cores with this browser.
const JOB_TIMEOUT_MS = 120_000;
const ARABIC_TRAINEE = 'ياسمين بنّاني';

interface Seeded {
  centreId: string;
  traineesCohortId: string;
  /** 2 trainers (certified) + 3 trainees, each counted once. */
  beneficiaries: number;
  /** The Arabic-named trainee, who signs in to find her certificate. */
  holder: Credentials;
}

/**
 * A train-the-trainer cascade at a centre of its own, seeded through the API: an aeronautics
 * network trains two trainers (two past sessions, present at both, certified by the worker); one of
 * them then teaches an automotive cohort of three trainees of another network, with a past session.
 */
async function seedCascade(admin: ApiCall, run: string): Promise<Seeded> {
  const post = <T = { id: string }>(path: string, body?: unknown) => admin<T>('POST', path, body);
  const aeronautics = await post('/api/networks', {
    name: `Aéronautique Canada ${run}`,
    country: 'Canada',
    sectorCodes: ['aeronautics'],
  });
  const automotive = await post('/api/networks', {
    name: `Compétences Allemagne ${run}`,
    country: 'Allemagne',
    sectorCodes: ['automotive'],
  });
  const centre = await post('/api/centres', { name: `ISTA Salé ${run}`, city: 'Salé' });
  const course = (code: string, title: Record<string, string>, sectorCode: string, networkId: string) =>
    post('/api/courses', {
      code: `${code}-${run.toUpperCase()}`,
      title,
      sectorCode,
      networkId,
      format: 'hybrid',
      durationHours: 20,
      status: 'published',
    });
  const trainersCourse = await course(
    'TOT',
    { fr: 'Pédagogie de la maintenance', ar: 'بيداغوجيا الصيانة' },
    'aeronautics',
    aeronautics.id,
  );
  const traineesCourse = await course(
    'AUTO',
    { fr: 'Diagnostic automobile', ar: 'تشخيص أعطال السيارات' },
    'automotive',
    automotive.id,
  );
  const person = (fullName: string, n: number) =>
    post('/api/users', {
      email: `person${n}-${run}@academy.test`,
      password: `password-${run}-${n}`,
      fullName,
      role: 'trainee',
      locale: 'fr',
      timeZone: 'Africa/Casablanca',
      centreId: centre.id,
    });
  const trainers = [await person('Hicham Ouazzani', 1), await person('Leïla Chraibi', 2)];
  const trainees = [
    await person(ARABIC_TRAINEE, 3),
    await person('Mehdi Alami', 4),
    await person('Sara El Idrissi', 5),
  ];

  const cohort = (courseId: string, name: string, kind: string, teacherIds: string[]) =>
    post('/api/cohorts', {
      courseId,
      name,
      kind,
      centreId: centre.id,
      capacity: 10,
      startsOn: '2026-01-05',
      endsOn: '2026-12-18',
      teacherIds,
    });
  /** Past weekly sessions, everyone marked present by a correction (as a coordinator would). */
  const heldSessions = async (
    cohortId: string,
    startsAt: string,
    weeks: number,
    people: { id: string }[],
  ) => {
    const { items } = await post<{ items: { id: string }[] }>(`/api/cohorts/${cohortId}/sessions`, {
      title: 'Séance en direct',
      startsAt,
      durationMinutes: 90,
      mode: 'remote',
      repeatWeeks: weeks,
      timeZone: 'Africa/Casablanca',
    });
    for (const session of items)
      for (const { id } of people)
        await admin('PUT', `/api/sessions/${session.id}/attendance/${id}`, {
          status: 'present',
          reason: 'Présence vérifiée sur la feuille d’émargement',
        });
  };

  const trainersCohort = await cohort(trainersCourse.id, `Formateurs Salé ${run}`, 'trainers', []);
  for (const { id } of trainers) await post(`/api/cohorts/${trainersCohort.id}/enrollments`, { userId: id });
  await heldSessions(trainersCohort.id, '2026-02-02T10:00:00+01:00', 2, trainers);
  const { jobId } = await post<{ jobId: string }>(`/api/cohorts/${trainersCohort.id}/certificates`);
  await waitForJob(admin, jobId);

  // The cascade: a trainer certified above teaches the next cohort.
  const traineesCohort = await cohort(traineesCourse.id, `Diagnostic Salé ${run}`, 'trainees', [
    trainers[0].id,
  ]);
  for (const { id } of trainees) await post(`/api/cohorts/${traineesCohort.id}/enrollments`, { userId: id });
  await heldSessions(traineesCohort.id, '2026-04-06T10:00:00+01:00', 1, trainees);

  return {
    centreId: centre.id,
    traineesCohortId: traineesCohort.id,
    beneficiaries: 5,
    holder: { email: `person3-${run}@academy.test`, password: `password-${run}-3` },
  };
}

/** Once the notifications popover has faded in. */
async function popoverShown(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      getComputedStyle(document.querySelector('[data-testid="notifications-popover"]') as Element).opacity ===
      '1',
  );
}

async function waitForJob(admin: ApiCall, jobId: string): Promise<void> {
  const deadline = Date.now() + JOB_TIMEOUT_MS;
  for (;;) {
    const job = await admin<{ state: string; failureReason?: string }>('GET', `/api/jobs/${jobId}`);
    if (job.state === 'completed') return;
    if (job.state === 'failed' || Date.now() > deadline)
      throw new Error(
        `Job ${jobId} ${job.state === 'failed' ? `failed: ${job.failureReason}` : `still ${job.state}`}\n` +
          `The worker's last words:\n${processLogTail('worker')}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('programme dashboard and certificate verification', () => {
  let browser: Browser;
  let admin: ApiCall;
  let seeded: Seeded;
  const pages: Page[] = [];
  const open = async () => {
    const page = await newPage(browser);
    pages.push(page);
    return page;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    admin = await apiAs(platform().admin);
    seeded = await seedCascade(admin, randomBytes(3).toString('hex'));
  });
  afterAll(() => browser.close());
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.context().close();
  });

  it('shows the KPIs, the charts and the cascade in French and in Arabic', async () => {
    const page = await open();
    await signIn(page, platform().admin);
    await switchLanguage(page, 'fr');
    await page.getByTestId('nav-admin-dashboard').click();
    await page.waitForURL('**/admin/dashboard');
    // The centre's filter, in the URL as a user would share it: only this test's people count.
    await page.goto(`/admin/dashboard?centreId=${seeded.centreId}`);

    const beneficiaries = page.getByTestId('kpi-beneficiaries-value');
    await page
      .locator('[data-testid="kpi-beneficiaries-value"]', { hasText: String(seeded.beneficiaries) })
      .waitFor();
    expect(await beneficiaries.innerText()).toBe(String(seeded.beneficiaries));
    expect(await page.getByTestId('kpi-sessions-held-value').innerText()).toBe('3');
    expect(await page.getByTestId('kpi-hours-delivered-value').innerText()).toBe('4,5');
    expect(await page.getByTestId('kpi-certificates-issued-value').innerText()).toBe('2');
    for (const chart of ['by-network', 'by-sector', 'by-centre', 'by-kind', 'over-time', 'cascade'])
      await page.locator(`[data-testid="chart-${chart}"] svg.recharts-surface`).first().waitFor();
    expect(await page.locator('[data-testid="chart-by-network"] .recharts-bar-rectangle').count()).toBe(2);

    // Aeronautics trained the trainers (direct 2); through them it reached the 3 trainees (indirect).
    const aeronautics = page.getByTestId('cascade-network').filter({ hasText: 'Aéronautique Canada' });
    expect(await aeronautics.getByTestId('cascade-direct').innerText()).toMatch(/2$/);
    expect(await aeronautics.getByTestId('cascade-indirect').innerText()).toMatch(/3$/);
    expect(await aeronautics.getByTestId('cascade-chain').innerText()).toContain('Formateurs Salé');
    await saveScreenshot(page, 'dashboard-fr');
    await expectNoAxeViolations(page, 'dashboard');

    // The CSV of the same filters: one row a person and cohort.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-export').click(),
    ]);
    expect(csv.suggestedFilename()).toBe('beneficiaries.csv');
    const lines = readFileSync(await csv.path(), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(1 + seeded.beneficiaries);
    expect(lines.some((line) => line.includes(ARABIC_TRAINEE))).toBe(true);

    await switchLanguage(page, 'ar');
    await page.getByRole('heading', { name: 'لوحة قيادة البرنامج' }).waitFor();
    await waitForSettledLayout(page);
    expect(await beneficiaries.innerText()).toBe(String(seeded.beneficiaries));
    await page.locator('[data-testid="chart-by-kind"] svg.recharts-surface').first().waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, 'dashboard-ar');
    await expectNoAxeViolations(page, 'dashboard');
  });

  it('issues certificates from the cohort page; anyone verifies one, and sees its revocation at once', async () => {
    const staff = await open();
    await signIn(staff, platform().admin);
    await switchLanguage(staff, 'fr');
    await staff.goto(`/cohorts/${seeded.traineesCohortId}`);
    const [started] = await Promise.all([
      staff.waitForResponse(
        (response) =>
          response.request().method() === 'POST' &&
          new URL(response.url()).pathname === `/api/cohorts/${seeded.traineesCohortId}/certificates`,
      ),
      staff.getByTestId('certificates-issue').click(),
    ]);
    // Followed through the API too, so a job that fails or never ends says how (with the worker's log).
    await waitForJob(admin, ((await started.json()) as { jobId: string }).jobId);
    const summary = staff.getByTestId('issue-summary');
    await summary.waitFor();
    expect(await summary.getByTestId('issue-issued').innerText()).toBe('3');
    expect(await summary.getByTestId('issue-notEligible').innerText()).toBe('0');
    const rows = staff.getByTestId('cohort-certificate-row');
    await waitForCount(rows, 3);
    const row = rows.filter({ hasText: ARABIC_TRAINEE });
    const code = (await row.getByTestId('certificate-code').innerText()).trim();

    // Someone with no account, e.g. an employer who scanned the QR code.
    const visitor = await open();
    await visitor.goto(`/verify/${code}`);
    await visitor.getByTestId('verify-valid').waitFor();
    expect(await visitor.getByTestId('verify-holder').innerText()).toBe(ARABIC_TRAINEE);
    expect(await visitor.getByTestId('verify-field-course').innerText()).toBe('Diagnostic automobile');
    expect(await visitor.getByTestId('verify-result').getAttribute('data-status')).toBe('valid');
    // Also on a phone, where nothing may stick out (the long code breaks).
    await saveScreenshotsDesktopAndPhone(visitor, 'verify-valid-fr');
    await expectNoAxeViolations(visitor, 'certificate verification, valid');
    await switchLanguage(visitor, 'ar');
    await visitor.getByText('شهادة صالحة').waitFor();
    expect(await visitor.getByTestId('verify-field-course').innerText()).toBe('تشخيص أعطال السيارات');
    await saveScreenshot(visitor, 'verify-valid-ar');
    await expectNoAxeViolations(visitor, 'certificate verification, valid');

    const { items } = await admin<{ items: { id: string; code: string }[] }>(
      'GET',
      `/api/cohorts/${seeded.traineesCohortId}/certificates?page=1&pageSize=10`,
    );
    const certificate = items.find((item) => item.code === code);
    if (!certificate) throw new Error(`No certificate with code ${code} in the cohort`);
    await admin('POST', `/api/certificates/${certificate.id}/revoke`, {
      reason: 'Attestation de présence falsifiée',
    });

    await visitor.reload();
    const revoked = visitor.getByTestId('verify-revoked');
    await revoked.waitFor();
    expect(await revoked.innerText()).toContain('شهادة ملغاة');
    expect(await visitor.getByTestId('verify-result').getAttribute('data-status')).toBe('revoked');
    expect(await visitor.getByTestId('verify-valid').count()).toBe(0);
    await saveScreenshotsDesktopAndPhone(visitor, 'verify-revoked-ar');
    await expectNoAxeViolations(visitor, 'certificate verification, revoked');
    await switchLanguage(visitor, 'fr');
    await visitor.getByText('Certificat révoqué', { exact: true }).waitFor();
    await saveScreenshot(visitor, 'verify-revoked-fr');
    await expectNoAxeViolations(visitor, 'certificate verification, revoked');

    // The staff's list follows too.
    await staff.reload();
    await row.getByTestId('certificate-status').filter({ hasText: 'Révoqué' }).waitFor();
    await saveScreenshot(staff, 'cohort-certificates-fr');
    await expectNoAxeViolations(staff, 'cohort page with certificates');
    await switchLanguage(staff, 'ar');
    await expectNoAxeViolations(staff, 'cohort page with certificates (ar)');
    await switchLanguage(staff, 'fr');

    // The audit log says who revoked it, and why.
    await staff.getByTestId('nav-admin-audit').click();
    await chooseOption(staff, 'audit-entity', 'Certificat');
    const revocation = staff.getByTestId('audit-row').filter({ hasText: 'Certificat révoqué' }).first();
    await revocation.waitFor();
    expect(await revocation.getByTestId('audit-reason').innerText()).toBe(
      'Attestation de présence falsifiée',
    );
    await revocation
      .getByTestId('audit-actor')
      .filter({ hasText: await staff.getByTestId('current-user').innerText() })
      .waitFor();
    await saveScreenshot(staff, 'audit-fr');
    await expectNoAxeViolations(staff, 'audit');
    await switchLanguage(staff, 'ar');
    await staff.getByRole('heading', { name: 'سجل التدقيق', exact: true }).waitFor();
    await expectNoAxeViolations(staff, 'audit');

    // The holder was told in the app, and finds the certificate on her profile.
    const holder = await open();
    await signIn(holder, seeded.holder);
    // Told of each step, newest first: enrolled, certified, then the certificate revoked.
    await holder.getByTestId('notifications-unread').filter({ hasText: /^3$/ }).waitFor();
    await holder.getByTestId('notifications-bell').click();
    const notice = holder.getByTestId('notification-item');
    await waitForCount(notice, 3);
    expect(await notice.first().innerText()).toContain('« Diagnostic automobile » est révoqué');
    expect(await notice.nth(1).innerText()).toContain('Diagnostic automobile');
    await popoverShown(holder);
    await saveScreenshot(holder, 'notifications-fr');
    await expectNoAxeViolations(holder, 'notifications popover');
    await holder.getByTestId('notifications-mark-read').click();
    await holder.getByTestId('notifications-unread').waitFor({ state: 'detached' });
    await holder.keyboard.press('Escape');
    await holder.getByTestId('nav-profile').click();
    const mine = holder.getByTestId('my-certificate-row');
    await waitForCount(mine, 1);
    expect(await mine.getByTestId('certificate-status').textContent()).toBe('Révoqué');
    const [pdf] = await Promise.all([
      holder.waitForEvent('download'),
      mine.getByTestId('certificate-download').click(),
    ]);
    expect(pdf.suggestedFilename()).toBe(`certificate-${code}.pdf`);
    expect(
      readFileSync(await pdf.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    await expectNoAxeViolations(holder, 'profile with a certificate');
    // The popover again, in Arabic, its notification read now.
    await switchLanguage(holder, 'ar');
    await holder.getByTestId('notifications-bell').click();
    await holder.getByTestId('notifications-popover').getByText('الإشعارات', { exact: true }).waitFor();
    await popoverShown(holder);
    await expectNoAxeViolations(holder, 'notifications popover');

    await visitor.goto('/verify/NO-SUCH-CODE');
    await visitor.getByTestId('verify-unknown').waitFor();
    expect(await visitor.getByTestId('verify-unknown').innerText()).toContain('Certificat inconnu');
    await saveScreenshot(visitor, 'verify-unknown-fr');
    await expectNoAxeViolations(visitor, 'certificate verification, unknown');
    await switchLanguage(visitor, 'ar');
    await visitor.getByTestId('verify-unknown').filter({ hasText: 'شهادة غير معروفة' }).waitFor();
    await expectNoAxeViolations(visitor, 'certificate verification, unknown');
  }, 240_000);
});
