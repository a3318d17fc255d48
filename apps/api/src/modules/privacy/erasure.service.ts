import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { AuthUser } from '@/core/auth/auth-user';
import type { Statement } from '@/core/database/sql-params';
import { MailJob, QueueName } from '@/core/queue/queue-name';
import { AccessRevocations } from '@/core/redis/access-revocations';
import { AuditService } from '@/modules/audit/audit.service';
import * as queries from './erasure.queries';
import type { TextColumn } from './erasure.queries';
import { PersonNotFoundError, SelfErasureError } from './privacy.errors';

export interface ErasureResult {
  userId: string;
  erasedAt: string;
  /** The person had been erased before: nothing changed this time. */
  alreadyErased: boolean;
}

const regexEscape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** How a string appears inside JSON text (quotes, backslashes and control characters escaped). */
const jsonEscape = (value: string) => JSON.stringify(value).slice(1, -1);

/**
 * The right to erasure (law 09-08, GDPR, FADP): the person's identifying data is removed or
 * replaced by a pseudonym everywhere the platform stored it, while the rows that the programme's
 * figures count (enrollments, attendance, certificates issued) stay, attached to an account that
 * names nobody and can never sign in again.
 *
 * The name and e-mail are searched in every text and JSON column of the schema (audit details,
 * notifications, webhook payloads, import reports...), so that a copy made by a later feature is
 * found too. A homonym's name in free text (an audit reason, say) is pseudonymised with it: the
 * safer mistake.
 */
@Injectable()
export class ErasureService {
  private readonly logger = new Logger(ErasureService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly revocations: AccessRevocations,
    @InjectQueue(QueueName.Mail) private readonly mail: Queue<MailJob>,
  ) {}

  async erase(userId: string, reason: string, actor: AuthUser): Promise<ErasureResult> {
    if (userId === actor.id) throw new SelfErasureError();
    const outcome = await this.dataSource.transaction(async (manager) => {
      const run = ([text, values]: Statement) => manager.query(text, values);
      const [person] = (await manager.query(
        `SELECT email, full_name AS "fullName", erased_at AS "erasedAt" FROM users WHERE id = $1 FOR UPDATE`,
        [userId],
      )) as Array<{ email: string; fullName: string; erasedAt: Date | null }>;
      if (!person) throw new PersonNotFoundError();
      if (person.erasedAt) return { erasedAt: person.erasedAt, alreadyErased: true, email: null };

      const pseudonym = `erased-${userId.slice(0, 8)}`;
      // Recorded first, so that the scrub below also takes any name the reason quotes.
      await this.audit.record(
        [
          {
            actorId: actor.id,
            action: 'user.erased',
            entityType: 'user',
            entityId: userId,
            reason: reason.trim(),
          },
        ],
        manager,
      );
      await run(queries.pseudonymiseUser(userId, pseudonym, `${pseudonym}@erased.invalid`));
      for (const statement of [
        ...queries.deleteCredentials(userId),
        queries.deleteNotifications(userId),
        queries.blankChatMessages(userId),
        queries.dropAddresses(userId),
        ...queries.withdrawCertificates(userId, pseudonym),
      ])
        await run(statement);

      const columns = (await run(queries.textColumns())) as TextColumn[];
      for (const needle of [person.email, person.fullName.trim()].filter((n) => n.length > 0)) {
        for (const column of columns) {
          const pattern = regexEscape(column.json ? jsonEscape(needle) : needle);
          await run(queries.replaceIn(column, pattern, pseudonym));
        }
      }
      const [{ erased_at }] = (await manager.query(`SELECT erased_at FROM users WHERE id = $1`, [
        userId,
      ])) as Array<{
        erased_at: Date;
      }>;
      return { erasedAt: erased_at, alreadyErased: false, email: person.email };
    });

    if (!outcome.alreadyErased) {
      // Access tokens already issued stop working on every API process at once.
      await this.revocations.revoke(userId);
      if (outcome.email) await this.forgetMail(outcome.email);
    }
    return { userId, erasedAt: outcome.erasedAt.toISOString(), alreadyErased: outcome.alreadyErased };
  }

  /** E-mails to the person still queued, and the finished ones Redis keeps a while, go too. */
  private async forgetMail(email: string): Promise<void> {
    try {
      const jobs = await this.mail.getJobs(['waiting', 'delayed', 'prioritized', 'completed', 'failed']);
      for (const job of jobs) if (job?.data.to.toLowerCase() === email) await job.remove();
    } catch (error) {
      this.logger.warn(`Mail jobs to an erased person not removed: ${(error as Error).message}`);
    }
  }
}
