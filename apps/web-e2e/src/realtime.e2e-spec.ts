import { Client } from 'pg';
import type { Browser, Locator, Page } from 'playwright-core';
import { expectNoAxeViolations } from './support/accessibility';
import { apiAs } from './support/api';
import { launchBrowser, newPage } from './support/browser';
import { seedLiveClass, waitForSettledLayout, type LiveClass } from './support/live-class';
import {
  documentDirection,
  saveScreenshotsDesktopAndPhone,
  signIn,
  switchLanguage,
  waitForCount,
} from './support/pages';

/** The unread count the bell shows (no badge: none). */
async function unreadShown(page: Page): Promise<number> {
  const badge = page.getByTestId('notifications-unread');
  return (await badge.count()) === 0 ? 0 : Number(await badge.innerText());
}

/** Moves a session two hours into the past, as if it had been held (no page can turn the clock). */
async function holdInThePast(sessionId: string): Promise<void> {
  const db = new Client({ connectionString: process.env.E2E_DATABASE_URL });
  await db.connect();
  try {
    await db.query(
      `UPDATE live_sessions SET starts_at = now() - interval '3 hours', ends_at = now() - interval '2 hours'
        WHERE id = $1`,
      [sessionId],
    );
  } finally {
    await db.end();
  }
}

describe('real time: the bell updates without a reload, and the class chat is kept', () => {
  let browser: Browser;
  let world: LiveClass;
  const pages: Page[] = [];
  const open = async () => {
    const page = await newPage(browser);
    pages.push(page);
    return page;
  };

  beforeAll(async () => {
    [browser, world] = await Promise.all([launchBrowser(), seedLiveClass()]);
  });
  afterAll(async () => {
    for (const page of pages) await page.context().close();
    await browser.close();
  });

  it("raises a trainee's bell when the teacher reschedules, in another browser, without a reload", async () => {
    const trainee = await open();
    await signIn(trainee, world.trainee);
    await switchLanguage(trainee, 'fr');
    await trainee.getByTestId('nav-schedule').click();
    await trainee.waitForURL('**/schedule');
    const bell = trainee.getByTestId('notifications-bell');
    await trainee.locator('[data-testid="notifications-bell"][data-live="true"]').waitFor();
    const before = await unreadShown(trainee);
    // Anything that reloads the page would lose this mark.
    await trainee.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    const teacher = await open();
    await signIn(teacher, world.expert);
    await teacher.getByTestId('nav-schedule').click();
    await teacher.waitForURL('**/schedule');
    const card: Locator = teacher.locator(
      `[data-testid="session-card"][data-session-id="${world.later.id}"]`,
    );
    await card.getByTestId('session-reschedule').click();
    const dialog = teacher.getByRole('dialog');
    await dialog.getByTestId('session-time-input').fill('11:30');
    await dialog.getByTestId('session-save').click();
    await dialog.waitFor({ state: 'hidden' });

    await trainee.waitForFunction(
      (expected) =>
        document.querySelector('[data-testid="notifications-unread"]')?.textContent === String(expected),
      before + 1,
      { timeout: 15_000 },
    );
    expect(await trainee.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    // The schedule on screen follows the news too.
    await trainee
      .locator(`[data-testid="session-card"][data-session-id="${world.later.id}"]`)
      .filter({ hasText: '11:30' })
      .waitFor();
    await bell.click();
    const popover = trainee.getByTestId('notifications-popover');
    await popover
      .getByTestId('notification-item')
      .filter({ hasText: 'Pompes hydrauliques — révision' })
      .first()
      .waitFor();
    await saveScreenshotsDesktopAndPhone(trainee, 'realtime-bell-fr');
    await expectNoAxeViolations(trainee, 'bell updated live (fr)');

    await trainee.keyboard.press('Escape');
    await switchLanguage(trainee, 'ar');
    await waitForSettledLayout(trainee);
    expect(await documentDirection(trainee)).toEqual({ dir: 'rtl', lang: 'ar' });
    await bell.click();
    await popover.getByTestId('notification-item').first().waitFor();
    await saveScreenshotsDesktopAndPhone(trainee, 'realtime-bell-ar');
    await expectNoAxeViolations(trainee, 'bell updated live (ar)');
  });

  it('keeps the class chat: read after class from the past sessions, a host deletes a message', async () => {
    // Said during the class (its room is open now): the API keeps it, whatever became of the room.
    const session = world.imminent;
    const [traineeApi, expertApi] = await Promise.all([apiAs(world.trainee), apiAs(world.expert)]);
    await traineeApi('POST', `/api/sessions/${session.id}/chat`, { text: 'سؤال: هل الضغط بالبار؟' });
    await expertApi('POST', `/api/sessions/${session.id}/chat`, {
      text: 'Oui, en bars : 210 bar pour le circuit principal.',
    });
    await traineeApi('POST', `/api/sessions/${session.id}/chat`, { text: 'Message hors sujet' });
    await holdInThePast(session.id);

    const teacher = await open();
    await signIn(teacher, world.expert);
    await switchLanguage(teacher, 'fr');
    await teacher.goto(`/sessions/${session.id}/classroom`);
    const teacherChat = teacher.getByTestId('class-chat-history');
    await waitForCount(teacherChat.getByTestId('chat-message'), 3);
    await teacherChat.getByTestId('chat-message').nth(2).getByTestId('chat-delete').click();
    await teacherChat.getByTestId('chat-message-deleted').waitFor();

    const trainee = await open();
    await signIn(trainee, world.trainee);
    await switchLanguage(trainee, 'fr');
    await trainee.getByTestId('nav-schedule').click();
    await trainee.waitForURL('**/schedule');
    const past = trainee.getByTestId('past-sessions').locator(`[data-session-id="${session.id}"]`);
    await waitForCount(past, 1);
    await past.getByTestId('session-open-chat').filter({ hasText: 'Chat de la séance' }).click();
    await trainee.waitForURL(`**/sessions/${session.id}/classroom#chat`);
    const chat = trainee.getByTestId('class-chat-history');
    await waitForCount(chat.getByTestId('chat-message'), 3);
    expect(await chat.getByTestId('chat-message-text').allInnerTexts()).toEqual([
      'سؤال: هل الضغط بالبار؟',
      'Oui, en bars : 210 bar pour le circuit principal.',
    ]);
    expect(await chat.getByTestId('chat-message-deleted').innerText()).toBe('Message supprimé');
    // Trainees read; only hosts delete.
    expect(await chat.getByTestId('chat-delete').count()).toBe(0);
    await saveScreenshotsDesktopAndPhone(trainee, 'realtime-chat-after-class-fr');
    await expectNoAxeViolations(trainee, 'class chat after class (fr)');

    await switchLanguage(trainee, 'ar');
    await waitForSettledLayout(trainee);
    await chat.getByText('دردشة الحصة').waitFor();
    expect(await chat.getByTestId('chat-message-deleted').innerText()).toBe('حُذفت هذه الرسالة');
    await saveScreenshotsDesktopAndPhone(trainee, 'realtime-chat-after-class-ar');
    await expectNoAxeViolations(trainee, 'class chat after class (ar)');
  });
});
