import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, PlatformProcess, waitFor } from './support/processes';
import { TestApp } from './support/test-app';

/**
 * What the built API prints and refuses when it starts (issue 11): a password in the logs is a
 * password for whoever reads them, and LiveKit's well-known development pair lets anyone sign
 * webhooks. Runs dist/…/main.js as its own process on this run's database and Redis.
 */
describe('Security: what the API says and refuses at start (e2e)', () => {
  const started: PlatformProcess[] = [];

  const start = async (env: Record<string, string | undefined>) => {
    const child = new PlatformProcess('main', {
      PORT: String(await freePort()),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'mre-startup-')),
      DEMO_DATA: 'off',
      ...env,
    });
    started.push(child);
    return child;
  };
  const ended = (child: PlatformProcess) => child.stop('SIGTERM');

  beforeAll(async () => {
    // The run's database is shared: its first admin must be the one the other suites sign in as,
    // whatever order the suites run in (a start creates the first admin only when there is none).
    const app = await TestApp.start();
    await app.close();
  });

  afterAll(async () => {
    for (const child of started) await ended(child);
  });

  it('never prints a password the operator set, in production', async () => {
    const sut = await start({
      NODE_ENV: 'production',
      ADMIN_PASSWORD: 'operator-chosen-password-42',
      LIVEKIT_API_KEY: 'APIstartup',
      LIVEKIT_API_SECRET: 'a-livekit-secret-of-the-operator-0123456789',
    });
    await sut.waitForLog('MRE Academy listening on');
    // Everything it would print at start is out once it has stopped.
    await sut.stop();
    expect(sut.output.join('')).not.toContain('operator-chosen-password-42');
    expect(sut.output.join('')).not.toContain('Admin sign-in');
  });

  it('shows a generated demo password in development only', async () => {
    const sut = await start({ NODE_ENV: 'development', ADMIN_PASSWORD: undefined });
    // The line comes just after "listening": waiting for "listening" alone raced it.
    await sut.waitForLog('Admin sign-in:');
    expect(sut.output.join('')).toMatch(/Admin sign-in: admin@academy\.test \/ demo-[0-9a-f]{12}/);
  });

  it('refuses LiveKit’s development key pair in production, naming the variables', async () => {
    const sut = await start({
      NODE_ENV: 'production',
      LIVEKIT_API_KEY: 'devkey',
      LIVEKIT_API_SECRET: 'secret',
    });
    await waitFor('the API to stop', async () => !sut.running);
    const { code } = await sut.stop();
    expect(code).toBe(1);
    expect(sut.output.join('')).toContain(
      'LIVEKIT_API_KEY, LIVEKIT_API_SECRET: the development pair devkey/secret is refused in production',
    );
  });
});
