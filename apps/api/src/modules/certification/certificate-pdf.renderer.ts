import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { chromium, type Browser } from 'playwright-core';
import { AppConfig } from '@/core/config/app-config';

/** Chromium without the features that would reach out of the machine or need a display. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Prints HTML pages to PDF with headless Chromium: one browser per worker process, launched on the
 * first certificate and closed at shutdown; each page gets a fresh context that cannot fetch.
 */
@Injectable()
export class CertificatePdfRenderer implements OnApplicationShutdown {
  private readonly logger = new Logger(CertificatePdfRenderer.name);
  private browser?: Promise<Browser>;

  constructor(private readonly config: AppConfig) {}

  async render(html: string): Promise<Buffer> {
    const browser = await this.launch();
    const context = await browser.newContext();
    try {
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      // Inlined fonts still decode asynchronously; printing before they are ready shows empty boxes.
      await page.evaluate('document.fonts.ready.then(() => true)');
      return await page.pdf({ preferCSSPageSize: true, printBackground: true });
    } finally {
      await context.close();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const browser = await this.browser?.catch(() => undefined);
    this.browser = undefined;
    await browser?.close();
  }

  private launch(): Promise<Browser> {
    if (!this.browser) {
      const launching = chromium.launch({
        executablePath: this.config.get('CHROMIUM_PATH'),
        args: CHROMIUM_FLAGS,
        headless: true,
      });
      this.browser = launching;
      launching.then(
        (browser) =>
          browser.on('disconnected', () => {
            if (this.browser === launching) this.browser = undefined;
          }),
        (error: Error) => {
          this.logger.error(`Chromium did not start (${this.config.get('CHROMIUM_PATH')}): ${error.message}`);
          if (this.browser === launching) this.browser = undefined;
        },
      );
    }
    return this.browser;
  }
}
