import type { Browser, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/accessibility';
import { launchBrowser, newPage, PHONE_VIEWPORT } from './support/browser';
import { KNOWN_INSTANT, seedLiveClass, waitForSettledLayout, type LiveClass } from './support/live-class';
import { saveScreenshot, saveScreenshotsDesktopAndPhone, signIn, switchLanguage } from './support/pages';

// The platform under test has no LiveKit server (LIVEKIT_URL points at nothing that listens).
const UNREACHABLE_WITHIN_MS = 15_000;

describe('classroom without a video service', () => {
  let browser: Browser;
  let page: Page;
  let world: LiveClass;

  beforeAll(async () => {
    [browser, world] = await Promise.all([launchBrowser({ fakeMedia: true }), seedLiveClass()]);
  });
  afterAll(() => browser.close());
  beforeEach(async () => {
    page = await newPage(browser);
  });
  afterEach(() => page.context().close());

  it('checks the devices before joining, then says plainly that the video service is unreachable', async () => {
    await signIn(page, world.trainee);
    await page.goto(`/sessions/${world.imminent.id}/classroom`);

    await page.getByTestId('pre-join').waitFor();
    expect(await page.getByTestId('classroom-title').innerText()).toBe(world.imminent.title);
    await page.getByTestId('pre-join-preview').waitFor(); // the fake camera's picture
    expect(await page.getByTestId('pre-join-camera').inputValue()).not.toBe('');
    expect(await page.getByTestId('pre-join-microphone').inputValue()).not.toBe('');
    const materials = page.getByTestId('course-materials');
    await materials.getByText('Freinage des aéronefs').waitFor();
    const download = materials.getByRole('link', { name: 'Schémas du circuit (PDF)' });
    expect(await download.getAttribute('href')).toBe('https://files.academy.test/freinage.pdf');
    await saveScreenshot(page, 'classroom-pre-join-fr');
    await expectNoAxeViolations(page, 'classroom pre-join');

    const clickedAt = Date.now();
    await page.getByTestId('classroom-join').click();
    const unreachable = page.getByTestId('video-unreachable');
    await unreachable.waitFor({ timeout: UNREACHABLE_WITHIN_MS });

    expect(Date.now() - clickedAt).toBeLessThan(UNREACHABLE_WITHIN_MS);
    expect(await unreachable.innerText()).toContain('Le service vidéo est injoignable.');
    expect(await unreachable.getByTestId('video-retry').isEnabled()).toBe(true);
    // What does not need the video service: the class chat and the cohort's question board.
    const meanwhile = page.getByTestId('classroom-still-available');
    await meanwhile.getByTestId('chat-input').waitFor();
    expect(await meanwhile.getByTestId('classroom-board-link').getAttribute('href')).toMatch(
      /^\/cohort-board\/[0-9a-f-]{36}\?tab=questions$/,
    );
    // No endless spinner: the kept chat loads (through the API, not the video service) like the rest.
    await page.getByTestId('loading-state').waitFor({ state: 'detached' });
    await saveScreenshotsDesktopAndPhone(page, 'classroom-unreachable-fr');
    await expectNoAxeViolations(page, 'classroom, video unreachable');

    await switchLanguage(page, 'ar');
    await waitForSettledLayout(page);
    expect(await unreachable.innerText()).toContain('تعذّر الوصول إلى خدمة الفيديو.');
    await saveScreenshotsDesktopAndPhone(page, 'classroom-unreachable-ar');
    await expectNoAxeViolations(page, 'classroom, video unreachable');
  });

  it('gives the expert the class time in Toronto with its offset, and the hour agreed in Casablanca', async () => {
    // By the tz database (2026c on), world.later starts at 10:00 UTC on 12 January 2027, agreed at
    // 10:00 in Casablanca (UTC+0 all year since 20 September 2026): 05:00 in Toronto (EST, UTC-5).
    // Joining opens 15 minutes before, at 04:45 there.
    await signIn(page, world.expert);
    await page.goto(`/sessions/${world.later.id}/classroom`);

    await page.getByTestId('pre-join').waitFor();
    expect(await page.getByTestId('session-time').innerText()).toBe(
      'mardi 12 janvier 2027 à 05:00 – 06:30 (Toronto, UTC-5)',
    );
    expect(await page.getByTestId('session-agreed-time').innerText()).toBe(
      'Heure convenue : 10:00, Casablanca (UTC+0)',
    );
    await page.getByTestId('course-materials').getByText('Freinage des aéronefs').waitFor();
    await saveScreenshotsDesktopAndPhone(page, 'classroom-pre-join-expert-fr');

    // Before the window: the button waits, and a countdown says how long.
    expect(await page.getByTestId('classroom-join').isDisabled()).toBe(true);
    expect(await page.getByTestId('join-opens-in').innerText()).toMatch(/^Ouverture dans \d+ j \d+ h$/);
    await expectNoAxeViolations(page, 'classroom pre-join, not open yet');

    await switchLanguage(page, 'ar');
    await waitForSettledLayout(page);
    expect(await page.getByTestId('session-time-zone').innerText()).toBe('Toronto, UTC-5');
    expect(await page.getByTestId('session-agreed-time').innerText()).toBe(
      'الوقت المحلي المتفق عليه: 10:00، Casablanca (UTC+0)',
    );
    await saveScreenshotsDesktopAndPhone(page, 'classroom-pre-join-expert-ar');
    await expectNoAxeViolations(page, 'classroom pre-join, not open yet');
  });

  it('enables the join button when the window opens, and shows a refusal next to it on a phone', async () => {
    await page.setViewportSize(PHONE_VIEWPORT);
    await signIn(page, world.expert);
    // The test before left Arabic on the expert's profile (the header's choice is saved there).
    await switchLanguage(page, 'fr');
    // The browser's clock set three seconds before the window opens (04:45 in Toronto, 09:45 UTC).
    const opensAt = Date.parse(KNOWN_INSTANT) - 15 * 60_000;
    await page.clock.install({ time: opensAt - 3_000 });
    await page.goto(`/sessions/${world.later.id}/classroom`);

    const join = page.getByTestId('classroom-join');
    await join.waitFor();
    expect(await join.isDisabled()).toBe(true);
    expect(await page.getByTestId('join-opens-in').innerText()).toMatch(/^Ouverture dans 0 min [0-3] s$/);
    // On the first screen of a phone, not below the camera check.
    const viewport = page.viewportSize()!;
    const box = (await join.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    await saveScreenshot(page, 'classroom-countdown-phone-fr');

    await page.clock.runFor(4_000);
    await page.waitForFunction(
      () => !document.querySelector<HTMLButtonElement>('[data-testid="classroom-join"]')?.disabled,
    );
    expect(await page.getByTestId('join-status').innerText()).toBe(
      'La classe est ouverte : vous pouvez la rejoindre.',
    );

    // The server keeps the real time and refuses: said under the button, within sight.
    await join.click();
    const refused = page.getByTestId('pre-join').getByTestId('join-refused');
    await refused.waitFor();
    expect(await refused.innerText()).toBe(
      'La classe n’est pas encore ouverte. Ouverture : 12 janv. 2027, 04:45 (Toronto, UTC-5).',
    );
    const refusedBox = (await refused.boundingBox())!;
    expect(refusedBox.y).toBeLessThan(viewport.height);
    await saveScreenshot(page, 'classroom-refused-phone-fr');
    await expectNoAxeViolations(page, 'classroom pre-join, refused');

    await switchLanguage(page, 'ar');
    expect(await refused.innerText()).toContain('القسم لم يُفتح بعد.');
    await saveScreenshot(page, 'classroom-refused-phone-ar');
    await expectNoAxeViolations(page, 'classroom pre-join, refused');
  });
});
