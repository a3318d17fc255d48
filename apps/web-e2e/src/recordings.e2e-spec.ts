import { randomBytes, randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/accessibility';
import { apiAs } from './support/api';
import { seedCohort } from './support/cohort-seed';
import { launchBrowser, newPage } from './support/browser';
import { documentDirection, saveScreenshot, signIn, switchLanguage, waitForCount } from './support/pages';

const FIXTURES = join(__dirname, '../../api/test/fixtures/recordings');

/**
 * A recording as LiveKit Egress and its egress_ended webhook leave it (the API tests go through
 * Egress itself; the platform under test has no LiveKit): the files in the store's folder, the row.
 */
async function recordedClass(sessionId: string, startedBy: string): Promise<string> {
  const id = randomUUID();
  const folder = join(process.env.E2E_DATA_DIR as string, 'files/recordings', sessionId);
  mkdirSync(folder, { recursive: true });
  copyFileSync(join(FIXTURES, 'class.mp4'), join(folder, `${id}.mp4`));
  copyFileSync(join(FIXTURES, 'class.ogg'), join(folder, `${id}.ogg`));
  const db = new Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO recordings (id, session_id, egress_id, audio_egress_id, status, started_by, started_at, ended_at,
                               duration_seconds, video_key, video_size_bytes, audio_key, audio_size_bytes)
       SELECT $1, s.id, $3, $4, 'ended', $2, s.starts_at, s.ends_at, 3600, $5, 9707, $6, 3514
         FROM live_sessions s WHERE s.id = $7`,
      [
        id,
        startedBy,
        `EG_${id}`,
        `EG_${id}_audio`,
        `recordings/${sessionId}/${id}.mp4`,
        `recordings/${sessionId}/${id}.ogg`,
        sessionId,
      ],
    );
  } finally {
    await db.end();
  }
  return id;
}

/** Waits until the media element can play (its `canplay` has fired), and checks it did not start by itself. */
async function waitUntilPlayable(page: Page, testId: string): Promise<{ paused: boolean; duration: number }> {
  const handle = await page.waitForFunction(
    (id) => {
      const media = document.querySelector<HTMLMediaElement>(`[data-testid="${id}"]`);
      if (media?.error) throw new Error(`media error ${media.error.code}: ${media.error.message}`);
      return media && media.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA
        ? { paused: media.paused, duration: media.duration }
        : null;
    },
    testId,
    { timeout: 20_000 },
  );
  return (await handle.jsonValue()) as { paused: boolean; duration: number };
}

describe('recordings', () => {
  let browser: Browser;
  const pages: Page[] = [];
  const password = 'a-good-password';
  const tag = randomBytes(3).toString('hex');
  const trainee = { email: `trainee-rec-${tag}@academy.test`, password };
  let sessionId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    const expert = { email: `expert-rec-${tag}@academy.test`, password };
    const { cohortId, expertId } = await seedCohort({
      label: 'enregistrements',
      code: 'REC',
      tag,
      country: 'Belgique',
      sector: 'automotive',
      city: 'Salé',
      courseTitle: { ar: 'تشخيص أعطال المحركات', fr: 'Diagnostic moteur' },
      expert: { ...expert, fullName: 'Youssef Expert' },
      trainee: { ...trainee, fullName: 'Imane Stagiaire' },
    });
    const teacher = await apiAs(expert);
    // Yesterday's class, which the trainee missed.
    const created = await teacher<{ items: { id: string }[] }>('POST', `/api/cohorts/${cohortId}/sessions`, {
      title: 'Injection électronique',
      startsAt: new Date(Math.floor(Date.now() / 60_000) * 60_000 - 26 * 3600_000).toISOString(),
      durationMinutes: 60,
      mode: 'remote',
    });
    sessionId = created.items[0].id;
    await recordedClass(sessionId, expertId);
  });

  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await browser.close();
  });

  it('a trainee finds a past session marked "recording available", and its video and sound play', async () => {
    const page = await newPage(browser);
    pages.push(page);
    await signIn(page, trainee);
    await switchLanguage(page, 'fr');
    await page.goto('/schedule');
    const past = page.getByTestId('past-sessions').locator(`[data-session-id="${sessionId}"]`);
    await waitForCount(past, 1);
    await past
      .getByTestId('session-recording-available')
      .filter({ hasText: 'Enregistrement disponible' })
      .waitFor();
    await past.getByTestId('session-open-past').click();
    await page.waitForURL(`**/sessions/${sessionId}/classroom`);

    const recording = page.getByTestId('recording');
    await waitForCount(recording, 1);
    expect(await recording.getByTestId('recording-play-video').innerText()).toMatch(/Voir la vidéo/);
    await recording.getByTestId('recording-play-video').click();
    const video = await waitUntilPlayable(page, 'recording-video');
    expect(video).toEqual({ paused: true, duration: expect.closeTo(2, 0) });
    await saveScreenshot(page, 'recording-session-fr');
    await expectNoAxeViolations(page, 'session page with its recording (fr)');

    await switchLanguage(page, 'ar');
    expect(await documentDirection(page)).toEqual({ dir: 'rtl', lang: 'ar' });
    await recording.getByTestId('recording-play-audio').filter({ hasText: 'الاستماع فقط' }).click();
    const audio = await waitUntilPlayable(page, 'recording-audio');
    expect(audio.paused).toBe(true);
    await saveScreenshot(page, 'recording-session-ar');
    await expectNoAxeViolations(page, 'session page with its recording (ar)');

    await page.goto('/schedule');
    await page
      .getByTestId('past-sessions')
      .locator(`[data-session-id="${sessionId}"]`)
      .getByTestId('session-recording-available')
      .filter({ hasText: 'التسجيل متاح' })
      .waitFor();
    await saveScreenshot(page, 'recording-schedule-ar');
  });
});
