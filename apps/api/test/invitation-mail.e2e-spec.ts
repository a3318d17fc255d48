import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { WorkerModule } from '../src/worker.module';
import { TestApp } from './support/test-app';

interface Received {
  to: string[];
  raw: string;
}

/** The worker delivers the invitation through a real SMTP server, and the link in it works. */
describe('Invitation e-mail through the worker (e2e)', () => {
  const inbox: Received[] = [];
  let smtp: SMTPServer;
  let api: TestApp;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    api = await TestApp.start();
    process.env.MRE_PROCESS = 'worker';
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    delete process.env.MRE_PROCESS;
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
    await new Promise<void>((resolve) => smtp.close(resolve));
    delete process.env.SMTP_URL;
  });

  async function waitForMail(to: string): Promise<Received> {
    for (let i = 0; i < 100; i++) {
      const mail = inbox.find((m) => m.to.includes(to));
      if (mail) return mail;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no e-mail reached ${to}`);
  }

  it('sends the invitation in the invitee language, and its link activates the account', async () => {
    const email = `invited-${randomUUID().slice(0, 8)}@academy.test`;
    await api.http
      .post('/api/users')
      .auth(await api.adminToken(), { type: 'bearer' })
      .send({ email, fullName: 'Salma Berrada', role: 'trainee', locale: 'fr', timeZone: 'Africa/Casablanca' })
      .expect(201);

    const mail = await waitForMail(email);
    expect(mail.raw).toMatch(/^Subject: .*Invitation/m);
    const decoded = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const link = /(http:\/\/academy\.test\/accept-invite\?token=[A-Za-z0-9._%-]+)/.exec(decoded)?.[1];
    expect(link).toBeDefined();
    expect(decoded).toContain('Bonjour Salma Berrada');

    const token = decodeURIComponent(new URL(link as string).searchParams.get('token') as string);
    const accepted = await api.http.post('/api/auth/accept-invite').send({ token, password: 'my-new-password' }).expect(200);
    expect(accepted.body.user).toMatchObject({ email, status: 'active' });
    await api.http.post('/api/auth/login').send({ email, password: 'my-new-password' }).expect(200);
  });
});
