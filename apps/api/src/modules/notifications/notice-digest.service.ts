import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DIGEST_LOCAL_HOUR } from '@mre/contracts';
import { DataSource } from 'typeorm';
import { AppConfig } from '@/core/config/app-config';
import { MailJob, MailTemplate, QueueName } from '@/core/queue/queue-name';
import { UsersService } from '@/modules/identity/users.service';
import { mailParams } from './notice-params';
import { NotificationEntity } from './notification.entity';

/** Whether `at` is in the first quarter of the digest's hour in the zone: one run a day falls there. */
function isDigestTime(at: Date, timeZone: string): boolean {
  const parts = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).formatToParts(at);
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return value('hour') === DIGEST_LOCAL_HOUR && value('minute') < 15;
}

const localDay = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    at,
  );

/**
 * The daily digest: at DIGEST_LOCAL_HOUR in each person's zone, one e-mail listing the notices
 * they chose to get that way since their last digest. The notices are claimed (digested_at) in
 * the transaction that queues the e-mail, so none is listed twice; nobody pending, no e-mail.
 */
@Injectable()
export class NoticeDigestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly config: AppConfig,
    @InjectQueue(QueueName.Mail) private readonly mailQueue: Queue<MailJob>,
  ) {}

  /** Sends the digests due at `at` (a run every quarter of an hour); answers how many were queued. */
  async sendDue(at: Date): Promise<number> {
    const pending = await this.dataSource
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .select('DISTINCT n.user_id', 'userId')
      .where("n.email = 'digest' AND n.digested_at IS NULL")
      .getRawMany<{ userId: string }>();
    const people = (await this.users.getMany(pending.map((p) => p.userId))).filter(
      (p) => p.status !== 'disabled' && isDigestTime(at, p.timeZone),
    );
    let sent = 0;
    for (const person of people) {
      const queued = await this.dataSource.transaction(async (manager) => {
        const claimed: { kind: MailTemplate; params: Record<string, unknown> }[] = await manager
          .getRepository(NotificationEntity)
          .createQueryBuilder()
          .update()
          .set({ digestedAt: at })
          .where("user_id = :userId AND email = 'digest' AND digested_at IS NULL", { userId: person.id })
          .returning(['kind', 'params', 'created_at'])
          .execute()
          .then((r) =>
            (r.raw as { kind: MailTemplate; params: Record<string, unknown>; created_at: Date }[]).sort(
              (a, b) => a.created_at.getTime() - b.created_at.getTime(),
            ),
          );
        if (claimed.length === 0) return false;
        await this.mailQueue.add(
          'digest',
          {
            to: person.email,
            locale: person.locale,
            template: 'digest',
            params: {
              fullName: person.fullName,
              timeZone: person.timeZone,
              link: `${this.config.publicUrl}/`,
            },
            digest: claimed.map((n) => ({
              template: n.kind,
              params: { ...mailParams(n.params, person.locale), fullName: person.fullName },
            })),
          },
          { jobId: `digest-${person.id}-${localDay(at, person.timeZone)}` },
        );
        return true;
      });
      if (queued) sent++;
    }
    return sent;
  }
}
