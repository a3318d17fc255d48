import { getQueueToken } from '@nestjs/bullmq';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { Role } from '@mre/contracts';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '@/app.module';
import { configureApp } from '@/core/http/configure-app';
import { httpServerOptions } from '@/core/http/http-server-options';
import { MailJob, QueueName } from '@/core/queue/queue-name';
import { SetupService } from '@/modules/setup/setup.service';

export const ADMIN = { email: 'admin@academy.test', password: 'admin-password-for-tests' };

export interface TestUser {
  id: string;
  email: string;
  password: string;
  token: string;
}

/** Drives the HTTP API, in this process or another: sign-in and users through the API itself. */
export class ApiDriver {
  constructor(private readonly target: () => ReturnType<typeof request>) {}

  get http() {
    return this.target();
  }

  async login(email: string, password: string): Promise<string> {
    const res = await this.http.post('/api/auth/login').send({ email, password }).expect(200);
    return res.body.accessToken;
  }

  private admin?: Promise<string>;

  /**
   * The admin's access token, signed in once per driver: every user a test creates goes through the
   * admin, and each sign-in costs an argon2 verification (64 MiB), the bulk of the suites' set-up time.
   */
  adminToken(): Promise<string> {
    this.admin ??= this.login(ADMIN.email, ADMIN.password);
    this.admin.catch(() => (this.admin = undefined));
    return this.admin;
  }

  /** Creates an active user of the role through the API, signed in. */
  async createUser(role: Role, extra: Record<string, unknown> = {}): Promise<TestUser> {
    const email = `${role}-${randomUUID().slice(0, 8)}@academy.test`;
    const password = 'a-good-password';
    const res = await this.http
      .post('/api/users')
      .auth(await this.adminToken(), { type: 'bearer' })
      .send({ email, password, fullName: `Test ${role}`, role, ...extra })
      .expect(201);
    return { id: res.body.id, email, password, token: await this.login(email, password) };
  }
}

/** An API process started elsewhere (scale-out tests). */
export class RemoteApi extends ApiDriver {
  constructor(readonly baseUrl: string) {
    super(() => request(baseUrl));
  }
}

/** The HTTP API as main.ts builds it, on this run's database and Redis. */
export class TestApp extends ApiDriver {
  private constructor(readonly app: NestFastifyApplication) {
    super(() => request(app.getHttpServer()));
  }

  static async start(): Promise<TestApp> {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(
      new FastifyAdapter(httpServerOptions(process.env.TRUST_PROXY ?? 'off')),
      {
        rawBody: true,
      },
    );
    await configureApp(app);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    await app.get(SetupService).run();
    return new TestApp(app);
  }

  get dataSource(): DataSource {
    return this.app.get(DataSource);
  }

  get mailQueue(): Queue<MailJob> {
    return this.app.get(getQueueToken(QueueName.Mail));
  }

  /** The link of the invitation e-mail queued for this address. */
  async invitationLink(email: string): Promise<string> {
    const jobs = await this.mailQueue.getJobs(['waiting', 'delayed', 'completed', 'active']);
    const job = jobs.find((j) => j.data.to === email && j.data.template === 'invitation');
    if (!job) throw new Error(`no invitation queued for ${email}`);
    return job.data.params.link;
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}

export function tokenOf(link: string): string {
  return new URL(link).searchParams.get('token') as string;
}
