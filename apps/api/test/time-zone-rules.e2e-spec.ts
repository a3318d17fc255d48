import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { QueueName, ReminderJob } from '@/core/queue/queue-name';
import { SessionAnchoringService } from '@/modules/live/session-anchoring.service';
import {
  fanOutJobId,
  LeadKind,
  REMINDER_LEADS_MS,
  RemindersService,
} from '@/modules/notifications/reminders.service';
import { SetupService } from '@/modules/setup/setup.service';
import { WorkerModule } from '@/worker.module';
import { createCohortWorld, CohortWorld } from './support/cohort-world';
import { mimeParts, ReceivedMail, SmtpInbox, subjectOf } from './support/smtp-inbox';
import { TestApp } from './support/test-app';

/*
 * Facts of the IANA tz database 2026c or later (this runtime: Node 24, tz data 2026e):
 * Africa/Casablanca is UTC+0 all year since 2026-09-20, so 10:00 there is 10:00Z in 2027, Ramadan
 * included. The rules before 2026c (tz data 2025c, Node 20) had Morocco at UTC+1 outside Ramadan:
 * they stored a 10:00 class at 09:00Z. America/Toronto is UTC-5 in winter under both.
 */
const HOUR = 3600_000;
const KINDS: LeadKind[] = ['24h', '15m'];
const STALE_VERSION = '2025c';
const icsUtc = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

interface Session {
  id: string;
  startsAt: string;
  endsAt: string;
  localStart: string;
  timeZone: string;
}

/**
 * A change of time-zone rules, simulated: sessions stored as the stale rules had them, then the
 * start of a runtime with the rules in force. The re-anchoring job moves the future ones back to
 * their wall-clock time, with their reminders, notices and .ics; past sessions stay; a second run
 * changes nothing.
 */
describe('Time-zone rules change: sessions keep their local time (e2e)', () => {
  const inbox = new SmtpInbox();
  let api: TestApp;
  let worker: INestApplicationContext;
  let world: CohortWorld;
  let reminders: Queue<ReminderJob>;
  let series: Session[];
  let toronto: Session;
  let past: Session;
  const version = process.versions.tz as string;

  const schedule = async (body: object): Promise<Session[]> =>
    (
      await api.http
        .post(`/api/cohorts/${world.cohortId}/sessions`)
        .auth(world.expert.token, { type: 'bearer' })
        .send({ title: 'Freins', durationMinutes: 60, mode: 'remote', ...body })
        .expect(201)
    ).body.items;
  const startOf = async (id: string): Promise<string> =>
    (
      await api.dataSource.query('SELECT starts_at FROM live_sessions WHERE id = $1', [id])
    )[0].starts_at.toISOString();
  const anchoredVersions = async (): Promise<{ tz_version: string; sessions_moved: number }[]> =>
    api.dataSource.query('SELECT tz_version, sessions_moved FROM time_zone_rules ORDER BY anchored_at');
  const until = async (what: string, check: () => Promise<boolean>) => {
    for (let i = 0; i < 300; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  const calendars = (mail: ReceivedMail) =>
    mimeParts(mail.raw).filter((p) => p.contentType.startsWith('text/calendar'));
  const retimedMails = () =>
    inbox.mails.filter((m) =>
      /Horaires de vos séances mis à jour|تحديث مواعيد حصصك|Session times updated/.test(subjectOf(m.raw)),
    );

  beforeAll(async () => {
    process.env.SMTP_URL = await inbox.start();
    api = await TestApp.start();
    process.env.MRE_PROCESS = 'worker';
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    delete process.env.MRE_PROCESS;
    reminders = api.app.get(getQueueToken(QueueName.Reminders));
    world = await createCohortWorld(api, 1);
    await api.http
      .patch('/api/me')
      .auth(world.trainees[0].token, { type: 'bearer' })
      .send({ locale: 'ar', timeZone: 'Africa/Casablanca' })
      .expect(200);
    // A fresh database is anchored by the first start, with nothing to move.
    await until('the first anchoring', async () =>
      (await anchoredVersions()).some((row) => row.tz_version === version),
    );
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
    await inbox.stop();
    delete process.env.SMTP_URL;
  });

  it('reports the runtime’s rules: the tz data version and that they are current', async () => {
    const health = await api.http.get('/api/health').expect(200);
    expect(health.body.info.timeZoneRules).toEqual({ status: 'up', version, current: true });
    expect(await anchoredVersions()).toEqual([{ tz_version: version, sessions_moved: 0 }]);
  });

  it('moves the future sessions stored under stale rules back to their wall-clock time, with reminders, notices and .ics; past sessions stay', async () => {
    series = await schedule({
      startsAt: '2027-01-12T10:00:00+00:00',
      repeatWeeks: 3,
      timeZone: 'Africa/Casablanca',
    });
    expect(series.map((s) => s.startsAt)).toEqual([
      '2027-01-12T10:00:00.000Z',
      '2027-01-19T10:00:00.000Z',
      '2027-01-26T10:00:00.000Z',
    ]);
    [toronto] = await schedule({
      startsAt: '2027-02-02T18:00:00-05:00',
      timeZone: 'America/Toronto',
      title: 'Toronto',
    });
    [past] = await schedule({
      startsAt: '2026-11-10T10:00:00+00:00',
      timeZone: 'Africa/Casablanca',
      title: 'Passée',
    });

    // What a runtime with the stale rules stored: 10:00 in Casablanca at 09:00Z, reminders planned for then.
    const stale = [...series, past];
    await api.dataSource.query(
      `UPDATE live_sessions SET starts_at = starts_at - interval '1 hour', ends_at = ends_at - interval '1 hour' WHERE id = ANY($1)`,
      [stale.map((s) => s.id)],
    );
    const remindersService = api.app.get(RemindersService);
    for (const session of series) {
      await remindersService.unplan({ id: session.id, startsAt: new Date(session.startsAt) });
      await remindersService.plan([
        {
          id: session.id,
          startsAt: new Date(Date.parse(session.startsAt) - HOUR),
          endsAt: new Date(Date.parse(session.endsAt) - HOUR),
        },
      ]);
    }
    await api.dataSource.query('DELETE FROM time_zone_rules');
    await api.dataSource.query(`INSERT INTO time_zone_rules (tz_version, sessions_moved) VALUES ($1, 0)`, [
      STALE_VERSION,
    ]);
    const sequences = await api.dataSource.query(
      'SELECT id, ics_sequence FROM live_sessions WHERE id = ANY($1)',
      [series.map((s) => s.id)],
    );
    expect(sequences.map((row: { ics_sequence: number }) => row.ics_sequence)).toEqual([0, 0, 0]);

    // A runtime with the rules in force starts.
    await api.app.get(SetupService).run();
    await until('the re-anchoring', async () =>
      (await anchoredVersions()).some((row) => row.tz_version === version),
    );
    expect((await anchoredVersions()).at(-1)).toEqual({ tz_version: version, sessions_moved: 3 });

    // The instants: the series back at 10:00Z, its wall clock as agreed; Toronto and the past session untouched.
    const listed: Session[] = (
      await api.http
        .get('/api/sessions')
        .query({ from: '2027-01-01T00:00:00Z', to: '2027-03-01T00:00:00Z' })
        .auth(world.trainees[0].token, { type: 'bearer' })
        .expect(200)
    ).body.items;
    expect(
      listed.map(({ id, startsAt, localStart, timeZone }) => ({ id, startsAt, localStart, timeZone })),
    ).toEqual([
      {
        id: series[0].id,
        startsAt: '2027-01-12T10:00:00.000Z',
        localStart: '2027-01-12T10:00:00',
        timeZone: 'Africa/Casablanca',
      },
      {
        id: series[1].id,
        startsAt: '2027-01-19T10:00:00.000Z',
        localStart: '2027-01-19T10:00:00',
        timeZone: 'Africa/Casablanca',
      },
      {
        id: series[2].id,
        startsAt: '2027-01-26T10:00:00.000Z',
        localStart: '2027-01-26T10:00:00',
        timeZone: 'Africa/Casablanca',
      },
      {
        id: toronto.id,
        startsAt: '2027-02-02T23:00:00.000Z',
        localStart: '2027-02-02T18:00:00',
        timeZone: 'America/Toronto',
      },
    ]);
    expect(await startOf(past.id)).toBe('2026-11-10T09:00:00.000Z');

    // The reminders: those planned for the stale instants are gone, the new ones run 24 h and 15 min before 10:00Z.
    for (const session of series) {
      for (const kind of KINDS) {
        expect(
          await reminders.getJob(
            fanOutJobId(session.id, kind, new Date(Date.parse(session.startsAt) - HOUR)),
          ),
        ).toBeUndefined();
        const job = await reminders.getJob(fanOutJobId(session.id, kind, new Date(session.startsAt)));
        expect((job?.timestamp as number) + (job?.opts.delay as number)).toBe(
          Date.parse(session.startsAt) - REMINDER_LEADS_MS[kind],
        );
      }
    }

    // One notice per person, in their language and zone, with one updated invitation per moved session.
    const [traineeMail] = await inbox.waitFor(
      (m) =>
        m.to.includes(world.trainees[0].email) &&
        subjectOf(m.raw) === 'تحديث مواعيد حصصك: تغيرت قواعد التوقيت',
    );
    const [expertMail] = await inbox.waitFor(
      (m) =>
        m.to.includes(world.expert.email) &&
        /Horaires de vos séances mis à jour|Session times updated/.test(subjectOf(m.raw)),
    );
    const traineeText =
      mimeParts(traineeMail.raw).find((p) => p.contentType.startsWith('text/plain'))?.body ?? '';
    expect(traineeText).toContain(`IANA ${version}`);
    expect(traineeText).toContain('(Casablanca, UTC+0)');
    const expertText =
      mimeParts(expertMail.raw).find((p) => p.contentType.startsWith('text/plain'))?.body ?? '';
    // 10:00Z is 05:00 in Toronto in January (UTC-5); the expert also reads the wall clock the class keeps.
    expect(expertText).toMatch(/05:00 \(Toronto, UTC-5\) — 10:00 \(Casablanca, UTC\+0\)/);
    for (const mail of [traineeMail, expertMail]) {
      const invites = calendars(mail).map((part) => part.body.replace(/\r\n[ \t]/g, ''));
      expect(invites).toHaveLength(3);
      series.forEach((session, i) => {
        expect(invites[i]).toContain('METHOD:REQUEST');
        expect(invites[i]).toContain(`UID:${session.id}`);
        expect(invites[i]).toContain('SEQUENCE:1');
        expect(invites[i]).toContain(`DTSTART:${icsUtc(session.startsAt)}`);
      });
    }
    expect(retimedMails()).toHaveLength(2);

    const bell = (
      await api.http
        .get('/api/me/notifications')
        .auth(world.trainees[0].token, { type: 'bearer' })
        .expect(200)
    ).body;
    expect(bell.items.filter((n: { kind: string }) => n.kind === 'time-zone-rules-changed')).toEqual([
      expect.objectContaining({
        params: expect.objectContaining({
          cohortId: world.cohortId,
          sessions: 3,
          sessionId: series[0].id,
          startsAt: series[0].startsAt,
          tzVersion: version,
        }),
      }),
    ]);

    const audit = (
      await api.http
        .get('/api/audit')
        .query({ entity: 'session', entityId: series[0].id })
        .auth(world.admin, { type: 'bearer' })
        .expect(200)
    ).body;
    expect(audit.items).toEqual([
      expect.objectContaining({
        action: 'session.time-zone-rules-changed',
        reason: `time-zone rules changed (tz data ${version})`,
        data: expect.objectContaining({
          from: '2027-01-12T09:00:00.000Z',
          to: '2027-01-12T10:00:00.000Z',
          localStart: '2027-01-12T10:00:00',
          timeZone: 'Africa/Casablanca',
        }),
      }),
    ]);
  });

  it('is idempotent: run again, it moves nothing and tells nobody', async () => {
    const anchoring = api.app.get(SessionAnchoringService);
    expect(await anchoring.scheduleIfRulesChanged()).toBe(false);
    expect(await anchoring.reanchor(version)).toEqual({
      tzVersion: version,
      sessionsMoved: 0,
      cohortsMoved: 0,
      cohortsFailed: [],
    });
    await new Promise((r) => setTimeout(r, 1000));
    expect(retimedMails()).toHaveLength(2);
    expect(await startOf(series[0].id)).toBe('2027-01-12T10:00:00.000Z');
    expect(await startOf(past.id)).toBe('2026-11-10T09:00:00.000Z');
  });

  it('leaves a cohort as it was when its re-anchored sessions would overlap another, and tries again at the next start', async () => {
    const cohortId = await world.addCohort();
    const post = (body: object) =>
      api.http
        .post(`/api/cohorts/${cohortId}/sessions`)
        .auth(world.expert.token, { type: 'bearer' })
        .send({ title: 'Chevauchement', durationMinutes: 60, mode: 'remote', ...body })
        .expect(201);
    const casablanca = (await post({ startsAt: '2027-03-02T10:00:00+00:00', timeZone: 'Africa/Casablanca' }))
      .body.items[0];
    await api.dataSource.query(
      `UPDATE live_sessions SET starts_at = starts_at - interval '1 hour', ends_at = ends_at - interval '1 hour' WHERE id = $1`,
      [casablanca.id],
    );
    // 05:00 in Toronto (UTC-5) is 10:00Z: free while the stale rules hold the Casablanca class at 09:00Z.
    const toronto = (await post({ startsAt: '2027-03-02T05:00:00-05:00', timeZone: 'America/Toronto' })).body
      .items[0];

    const sut = await api.app.get(SessionAnchoringService).reanchor('2099z');
    expect(sut).toEqual({ tzVersion: '2099z', sessionsMoved: 0, cohortsMoved: 0, cohortsFailed: [cohortId] });
    expect(await startOf(casablanca.id)).toBe('2027-03-02T09:00:00.000Z');
    expect(await startOf(toronto.id)).toBe('2027-03-02T10:00:00.000Z');
    expect((await anchoredVersions()).map((row) => row.tz_version)).not.toContain('2099z');
    await api.dataSource.query('DELETE FROM live_sessions WHERE cohort_id = $1', [cohortId]);
  });

  it('refuses to go back to older rules than the sessions were anchored with', async () => {
    expect(await api.app.get(SessionAnchoringService).scheduleIfRulesChanged(STALE_VERSION)).toBe(false);
    expect(await startOf(series[0].id)).toBe('2027-01-12T10:00:00.000Z');
  });
});
