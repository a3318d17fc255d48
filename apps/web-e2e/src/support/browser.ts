import { chromium, type Browser, type Page } from 'playwright-core';
import { platform } from './platform';

// Desktop width: the navbar is visible from Mantine's `sm` breakpoint on.
const VIEWPORT = { width: 1280, height: 800 };
/** A small phone: the narrowest screen the pages are made for. */
export const PHONE_VIEWPORT = { width: 360, height: 780 };

// A test camera and microphone, allowed without the permission prompt (the classroom's device check).
const FAKE_MEDIA_ARGS = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];

/** The system Chromium: playwright's own download is not available everywhere the tests run. */
export function launchBrowser({ fakeMedia = false }: { fakeMedia?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(fakeMedia ? FAKE_MEDIA_ARGS : []),
    ],
  });
}

/** A page in a context of its own: no tokens, language or cache left over from another test. */
export async function newPage(
  browser: Browser,
  options: { locale?: string; timezoneId?: string } = {},
): Promise<Page> {
  // A French-speaking browser (the app opens in the browser's language), unless a test says otherwise.
  const context = await browser.newContext({
    baseURL: platform().baseUrl,
    viewport: VIEWPORT,
    locale: 'fr-FR',
    ...options,
  });
  return context.newPage();
}
