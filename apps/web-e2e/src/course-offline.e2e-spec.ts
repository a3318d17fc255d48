import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/accessibility';
import { apiAs } from './support/api';
import { launchBrowser, newPage, PHONE_VIEWPORT } from './support/browser';
import { documentDirection, saveScreenshot, signIn, switchLanguage, waitForCount } from './support/pages';
import { platform } from './support/platform';

/** A small PDF with a marker to recognise the copy opened offline. */
function pdf(marker: string): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${marker}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}

/** Once the service worker controls the page, the page is loaded again through it (so its chunks are kept). */
async function throughServiceWorker(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

interface Progress {
  courseId: string;
  doneCount: number;
  totalCount: number;
  doneMaterialIds: string[];
}

describe('course files on a weak link', () => {
  let browser: Browser;
  let page: Page;
  const password = 'a-good-password';
  const tag = randomBytes(3).toString('hex');
  const trainee = { email: `trainee-offline-${tag}@academy.test`, password };
  const bytes = pdf(`offline-${tag}`);
  let courseId: string;
  let materialId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const admin = await apiAs(platform().admin);
    const network = await admin<{ id: string }>('POST', '/api/networks', {
      name: `Réseau hors ligne ${tag}`,
      country: 'France',
      sectorCodes: ['aeronautics'],
    });
    const centre = await admin<{ id: string }>('POST', '/api/centres', {
      name: `Centre ${tag}`,
      city: 'Agadir',
    });
    const traineeUser = await admin<{ id: string }>('POST', '/api/users', {
      ...trainee,
      fullName: 'Nadia Stagiaire',
      role: 'trainee',
      centreId: centre.id,
    });
    const teacher = await admin<{ id: string }>('POST', '/api/users', {
      email: `teacher-offline-${tag}@academy.test`,
      password,
      fullName: 'Youssef Formateur',
      role: 'expert',
      networkId: network.id,
    });
    courseId = (
      await admin<{ id: string }>('POST', '/api/courses', {
        code: `OFFLINE-${tag}`,
        title: { ar: 'السلامة في الورشة', fr: 'La sécurité à l’atelier' },
        sectorCode: 'aeronautics',
        networkId: network.id,
        format: 'remote',
        durationHours: 6,
        status: 'published',
      })
    ).id;
    const module = await admin<{ id: string }>('POST', `/api/courses/${courseId}/modules`, {
      title: { ar: 'الوحدة الأولى', fr: 'Premier module' },
      position: 1,
    });
    const cohort = await admin<{ id: string }>('POST', '/api/cohorts', {
      courseId,
      name: `Cohorte hors ligne ${tag}`,
      kind: 'trainees',
      centreId: centre.id,
      capacity: 20,
      startsOn: '2027-01-01',
      endsOn: '2027-06-30',
      teacherIds: [teacher.id],
    });
    await admin('POST', `/api/cohorts/${cohort.id}/enrollments`, { userId: traineeUser.id });
    // The upload is multipart: sent here with the admin's token rather than through apiAs's JSON.
    const { accessToken } = (await (
      await fetch(`${platform().baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(platform().admin),
      })
    ).json()) as { accessToken: string };
    const form = new FormData();
    form.append('title', JSON.stringify({ ar: 'قواعد السلامة', fr: 'Règles de sécurité' }));
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'securite.pdf');
    const uploaded = await fetch(
      `${platform().baseUrl}/api/courses/${courseId}/modules/${module.id}/materials`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}` },
        body: form,
      },
    );
    expect(uploaded.status).toBe(201);
    materialId = ((await uploaded.json()) as { id: string }).id;
  });

  afterAll(async () => {
    await page?.context().close();
    await browser.close();
  });

  it('keeps a file to open offline, and a mark made offline reaches the server once back online (fr, ar, 360 px)', async () => {
    page = await newPage(browser);
    await page.setViewportSize(PHONE_VIEWPORT);
    await signIn(page, trainee);
    await switchLanguage(page, 'fr');
    await page.goto(`/courses/${courseId}`);
    await throughServiceWorker(page);
    const file = page.getByTestId('material-file');
    await waitForCount(file, 1);
    expect(await page.getByTestId('course-progress-label').innerText()).toBe('0 fichier(s) terminé(s) sur 1');

    await file.getByTestId('material-keep').click();
    await file.getByTestId('material-kept').waitFor();
    expect(await file.getByTestId('material-kept').textContent()).toBe('Gardé hors ligne');
    // The course and the progress are saved on the device (a second after they changed).
    // (The home page saves the progress too: wait for this course's own answer.)
    await page.waitForFunction((id) => {
      const saved = localStorage.getItem('mre.saved-queries') ?? '';
      return saved.includes('"progress"') && saved.includes(`"detail","${id}"`);
    }, courseId);

    // The network goes, and the page is opened again from the phone alone.
    await page.context().setOffline(true);
    await page.reload();
    await waitForCount(file, 1);
    await file.getByTestId('material-kept').waitFor();

    // The kept copy opens without a connection.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      file.getByTestId('material-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('securite.pdf');
    expect(Buffer.compare(await readFile(await download.path()), bytes)).toBe(0);

    // Marked done offline: counted at once, shown as waiting for the connection.
    // A click, not check(): the box follows the saved progress, updated a moment after the click.
    const doneBox = file.getByRole('checkbox', { name: 'Terminé : Règles de sécurité' });
    await doneBox.click();
    const pending = file.getByTestId('material-done-pending');
    await pending.waitFor();
    expect(await doneBox.isChecked()).toBe(true);
    expect(await pending.textContent()).toBe('En attente de connexion pour l’envoyer');
    expect(await page.getByTestId('course-progress-label').innerText()).toBe('1 fichier(s) terminé(s) sur 1');
    await saveScreenshot(page, 'course-offline-pending-fr-360');
    await expectNoAxeViolations(page, 'course page offline with a pending mark');

    // A reload while still offline loses nothing.
    await page.waitForFunction(() =>
      (localStorage.getItem('mre.saved-queries') ?? '').includes('"mutations":[{'),
    );
    await page.reload();
    await pending.waitFor();
    await switchLanguage(page, 'ar');
    expect(await documentDirection(page)).toEqual({ dir: 'rtl', lang: 'ar' });
    expect(await pending.textContent()).toBe('في انتظار الاتصال لإرسالها');
    expect(await file.getByTestId('material-kept').textContent()).toBe('محفوظ دون اتصال');
    await saveScreenshot(page, 'course-offline-pending-ar-360');
    const learner = await apiAs(trainee);
    const before = await learner<{ items: Progress[] }>('GET', '/api/me/course-progress');
    expect(before.items.find((p) => p.courseId === courseId)?.doneMaterialIds).toEqual([]);

    // The connection returns: the mark is sent by itself.
    await page.context().setOffline(false);
    await pending.waitFor({ state: 'detached', timeout: 15_000 });
    const after = await learner<{ items: Progress[] }>('GET', '/api/me/course-progress');
    expect(after.items.find((p) => p.courseId === courseId)).toMatchObject({
      doneCount: 1,
      totalCount: 1,
      doneMaterialIds: [materialId],
    });
    expect(await page.getByTestId('course-progress-label').innerText()).toBe('أُنجز 1 من 1 ملفات');
    await saveScreenshot(page, 'course-offline-sent-ar-360');

    // The kept copy can be removed from the phone.
    await file.getByTestId('material-forget').click();
    await file.getByTestId('material-kept').waitFor({ state: 'detached' });
    await file.getByTestId('material-keep').waitFor();
    expect(
      await page.evaluate(() =>
        caches
          .has('mre-kept-files')
          .then(async (has) => has && (await (await caches.open('mre-kept-files')).keys()).length),
      ),
    ).toBeFalsy();
  });
});
