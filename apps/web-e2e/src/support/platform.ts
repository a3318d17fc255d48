import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where global-setup.mjs started the platform, and who can sign in to it. */
export interface Platform {
  baseUrl: string;
  admin: { email: string; password: string };
  screenshotDir: string;
  /** The copy of the built web app the API serves. */
  webDist: string;
}

export function platform(): Platform {
  return {
    baseUrl: required('E2E_BASE_URL'),
    admin: { email: required('E2E_ADMIN_EMAIL'), password: required('E2E_ADMIN_PASSWORD') },
    screenshotDir: required('E2E_SCREENSHOT_DIR'),
    webDist: required('E2E_WEB_DIST'),
  };
}

/** The last `chars` characters the platform's process `name` ('api' or 'worker') has printed. */
export function processLogTail(name: 'api' | 'worker', chars = 4000): string {
  const file = join(required('E2E_DATA_DIR'), `${name}.log`);
  return existsSync(file) ? readFileSync(file, 'utf8').slice(-chars) : `(no ${file})`;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(
      `${name} is unset: run the tests through jest.config.cjs, whose global setup starts the platform`,
    );
  return value;
}
