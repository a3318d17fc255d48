import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '@/core/config/app-config';
import { validateEnvironment } from '@/core/config/environment';
import { MailTransport } from './mail-transport';

describe('MailTransport without SMTP_URL', () => {
  it('writes each e-mail (invitation links are secrets) readable by the process’s own user only', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mre-outbox-'));
    const env = validateEnvironment({ DATA_DIR: dataDir });
    const sut = new MailTransport({ get: (key: keyof typeof env) => env[key] } as unknown as AppConfig);
    await sut.send({
      to: 'salma@example.test',
      subject: 'Invitation',
      text: 'https://academy.test/accept-invite?token=secret',
      html: '<p>x</p>',
    });
    const outbox = join(dataDir, 'mail');
    const [file] = readdirSync(outbox);
    expect(file).toMatch(/\.eml$/);
    expect(statSync(join(outbox, file)).mode & 0o777).toBe(0o600);
    expect(statSync(outbox).mode & 0o777).toBe(0o700);
  });
});
