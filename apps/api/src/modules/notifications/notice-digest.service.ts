import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DIGEST_LOCAL_HOUR } from '@mre/contracts';
import { DataSource, In } from 'typeorm';
import { AppConfig } from '@/core/config/app-config';
import { MailJob, MailTemplate, QueueName } from '@/core/queue/queue-name';
import { UserDto } from '@/modules/identity/dto/user.dto';
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
  private readonly logger = new Logger(NoticeDigestService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly config: AppConfig,
    @InjectQueue(QueueName.Mail) private readonly mailQueue: Queue<MailJob>,
  ) {}

  /**
   * Sends the digests due at `at` (a run every quarter of an hour); answers how many were queued.
   * One person's failure does not hold back the others' digests: it is logged, and the run fails
   * at its end so that the job is retried (the others' notices are claimed already, never listed twice).
   */
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
    const failed: unknown[] = [];
    for (const person of people) {
      try {
        if (await this.sendOne(person, at)) sent++;
      } catch (error) {
        this.logger.error(`The digest of user ${person.id} could not be queued: ${String(error)}`);
        failed.push(error);
      }
    }
    if (failed.length > 0) throw new AggregateError(failed, `${failed.length} digest(s) failed; retried`);
    return sent;
  }

  /**
   * Claims the person's pending digest notices (locked, so that a concurrent run skips them) and
   * queues their e-mail in the same transaction, oldest notice first.
   */
  private sendOne(person: UserDto, at: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const notices = manager.getRepository(NotificationEntity);
      const claimed = await notices
        .createQueryBuilder('n')
        .setLock('pessimistic_write')
        .where("n.user_id = :userId AND n.email = 'digest' AND n.digested_at IS NULL", { userId: person.id })
        .orderBy('n.created_at', 'ASC')
        .addOrderBy('n.id', 'ASC')
        .getMany();
      if (claimed.length === 0) return false;
      await notices.update({ id: In(claimed.map((n) => n.id)) }, { digestedAt: at });
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
            template: n.kind as MailTemplate,
            params: {
              ...mailParams(n.params as Record<string, unknown>, person.locale),
              fullName: person.fullName,
            },
          })),
        },
        { jobId: `digest-${person.id}-${localDay(at, person.timeZone)}` },
      );
      return true;
    });
  }
}
