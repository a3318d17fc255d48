import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { EntityManager } from 'typeorm';
import { UsersService } from '@/modules/identity/users.service';
import { WorkerModule } from '@/worker.module';
import { waitFor } from './support/processes';
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
          inbox.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    // Retries after 0.4, 0.8, 1.6 and 3.2 s, so that an invitation's last attempt comes within seconds.
    process.env.QUEUE_RETRY_DELAY_MS = '400';
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
    delete process.env.QUEUE_RETRY_DELAY_MS;
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
      .send({
        email,
        fullName: 'Salma Berrada',
        role: 'trainee',
        locale: 'fr',
        timeZone: 'Africa/Casablanca',
      })
      .expect(201);

    const mail = await waitForMail(email);
    expect(mail.raw).toMatch(/^Subject: .*Invitation/m);
    const decoded = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
    const link = /(http:\/\/academy\.test\/accept-invite\?token=[A-Za-z0-9._%-]+)/.exec(decoded)?.[1];
    expect(link).toBeDefined();
    expect(decoded).toContain('Bonjour Salma Berrada');

    const token = decodeURIComponent(new URL(link as string).searchParams.get('token') as string);
    const accepted = await api.http
      .post('/api/auth/accept-invite')
      .send({ token, password: 'my-new-password' })
      .expect(200);
    expect(accepted.body.user).toMatchObject({ email, status: 'active' });
    await api.http.post('/api/auth/login').send({ email, password: 'my-new-password' }).expect(200);
  });

  it('sends an invitation once its transaction commits, and never one whose transaction rolled back', async () => {
    const users = api.app.get(UsersService);
    const centreId = (
      await api.http
        .post('/api/centres')
        .auth(await api.adminToken(), { type: 'bearer' })
        .send({ name: `Centre ${randomUUID().slice(0, 6)}`, city: 'Salé' })
        .expect(201)
    ).body.id;
    const tag = randomUUID().slice(0, 8);
    const late = `late-${tag}@academy.test`;
    const rolledBack = `rolled-back-${tag}@academy.test`;
    const invite = (email: string, manager: EntityManager) =>
      users.findOrInviteTrainees([{ email, fullName: 'Nadia Alaoui' }], centreId, manager);

    await expect(
      api.dataSource.transaction(async (manager) => {
        await invite(rolledBack, manager);
        throw new Error('the batch failed');
      }),
    ).rejects.toThrow('the batch failed');
    // Committed after the e-mail's first attempt (queued with a 1.5 s grace): a later attempt sends it.
    await api.dataSource.transaction(async (manager) => {
      await invite(late, manager);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    });
    expect((await waitForMail(late)).raw).toContain('Bonjour Nadia Alaoui');

    const rolledBackJob = async () =>
      (await api.mailQueue.getJobs(['completed', 'failed', 'delayed', 'waiting', 'active'])).find(
        (job) => job.data.to === rolledBack,
      );
    const finished = await waitFor('the rolled-back invitation’s last attempt', async () => {
      const job = await rolledBackJob();
      return job?.finishedOn ? job : undefined;
    });
    expect(finished.attemptsMade).toBe(5);
    expect(inbox.filter((mail) => mail.to.includes(rolledBack))).toEqual([]);
  });
});
