import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { AuthUser } from '@/core/auth/auth-user';
import type { Statement } from '@/core/database/sql-params';
import { MailJob, QueueName } from '@/core/queue/queue-name';
import { AccessRevocations } from '@/core/redis/access-revocations';
import { ObjectStorage } from '@/core/storage/object-storage';
import { AuditService } from '@/modules/audit/audit.service';
import * as queries from './erasure.queries';
import type { CandidateRow, TextColumn } from './erasure.queries';
import { loosePattern, NameScrubber } from './name-scrub';
import { PersonNotFoundError, SelfErasureError } from './privacy.errors';

export interface ErasureResult {
  userId: string;
  erasedAt: string;
  /** The person had been erased before: nothing changed this time. */
  alreadyErased: boolean;
}

/**
 * The right to erasure (law 09-08, GDPR, FADP): the person's identifying data is removed or
 * replaced by a pseudonym everywhere the platform stored it, while the rows that the programme's
 * figures count (enrollments, attendance, certificates issued) stay, attached to an account that
 * names nobody and can never sign in again.
 *
 * The name and e-mail are searched in every text and JSON column of the schema (audit details,
 * notifications, webhook payloads, import reports...), so that a copy made by a later feature is
 * found too: as whole words, in JSON string values only, and not at all when shorter than four
 * letters (name-scrub.ts says why). A homonym's full name in free text (an audit reason, say) is
 * pseudonymised with it: the safer mistake.
 */
@Injectable()
export class ErasureService {
  private readonly logger = new Logger(ErasureService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly revocations: AccessRevocations,
    private readonly storage: ObjectStorage,
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
      const attachments = (await run(queries.questionAttachments(userId))) as Array<{ key: string }>;
      for (const statement of [
        ...queries.deleteCredentials(userId),
        queries.deleteNotifications(userId),
        queries.blankChatMessages(userId),
        ...queries.blankBoardPosts(userId),
        queries.dropAddresses(userId),
        ...queries.withdrawCertificates(userId, pseudonym),
      ])
        await run(statement);

      await this.scrubCopies(run, [person.email, person.fullName], pseudonym);
      // Last, so that a storage failure rolls the whole erasure back and the admin can ask again
      // (deleting a file already gone is harmless).
      for (const { key } of attachments) await this.storage.delete(key);
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

  /** Copies of the name and e-mail in every text and JSON column, replaced by the pseudonym. */
  private async scrubCopies(
    run: (statement: Statement) => Promise<unknown>,
    needles: string[],
    pseudonym: string,
  ): Promise<void> {
    const scrub = new NameScrubber(needles, pseudonym);
    if (scrub.isEmpty) return;
    const columns = (await run(queries.textColumns())) as TextColumn[];
    for (const column of columns) {
      const rows = (await run(
        queries.candidateRows(column, loosePattern(needles, column.json !== null)),
      )) as CandidateRow[];
      for (const { ctid, value } of rows) {
        // The pseudonym may be longer than the name it replaces: a short column keeps what fits.
        const rewritten = column.json
          ? scrub.json(value)
          : scrub.text(value as string).slice(0, column.maxLength ?? undefined);
        if (JSON.stringify(rewritten) !== JSON.stringify(value))
          await run(queries.rewriteRow(column, ctid, rewritten));
      }
    }
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
