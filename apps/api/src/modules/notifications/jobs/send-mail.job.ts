import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AppConfig } from '@/core/config/app-config';
import { MailTransport } from '@/core/mail/mail-transport';
import { MailJob, QueueName } from '@/core/queue/queue-name';
import { workerOptions } from '@/core/queue/worker-options';
import { InvitationService } from '@/modules/identity/invitation.service';
import { icsAttachment } from '../calendar-invite';
import { renderMail } from '../mail-templates';
import { NotificationsService } from '../notifications.service';

class NotCommittedError extends Error {
  constructor(what: string) {
    super(`${what} is not committed yet; its e-mail waits for the next attempt`);
  }
}

@Processor(QueueName.Mail, workerOptions(4))
export class SendMailJob extends WorkerHost {
  private readonly logger = new Logger(SendMailJob.name);

  constructor(
    private readonly transport: MailTransport,
    private readonly config: AppConfig,
    private readonly invitations: InvitationService,
    private readonly notifications: NotificationsService,
  ) {
    super();
  }

  async process(job: Job<MailJob>): Promise<void> {
    if (job.data.invitationId && !(await this.invitationStillWanted(job))) return;
    if (job.data.notificationId && !(await this.noticeCommitted(job))) return;
    const { to, calendars = [] } = job.data;
    const context = {
      publicUrl: this.config.publicUrl,
      organizer: this.config.get('MAIL_FROM'),
      attendee: to,
    };
    const attachments =
      calendars.length > 0 ? calendars.map((calendar) => icsAttachment(calendar, context)) : undefined;
    await this.transport.send({ to, ...renderMail(job.data), attachments });
  }

  /**
   * An invitation is queued inside the transaction that stores it: until that commits, its e-mail
   * is retried; if it never does (rolled back, its link would not work), the e-mail is dropped
   * after the last attempt. A used invitation needs no e-mail.
   */
  private async invitationStillWanted(job: Job<MailJob>): Promise<boolean> {
    const id = job.data.invitationId as string;
    const state = await this.invitations.mailState(id);
    if (state !== 'missing') return state === 'pending';
    if (job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw new NotCommittedError(`Invitation ${id}`);
    this.logger.warn(
      `Invitation ${id} was never committed (its transaction rolled back): its e-mail is not sent`,
    );
    return false;
  }

  /**
   * A notice may be told inside the transaction of the change it tells of: its e-mail waits until
   * the notice is committed, and is dropped if it never is (the change rolled back) or if the
   * notice went to the daily digest meanwhile.
   */
  private async noticeCommitted(job: Job<MailJob>): Promise<boolean> {
    const id = job.data.notificationId as string;
    const mode = await this.notifications.emailModeOf(id);
    // Moved to the daily digest when the queue could not be reached in time: the digest tells it.
    if (mode !== undefined) return mode === 'immediate';
    if (job.attemptsMade + 1 < (job.opts.attempts ?? 1)) throw new NotCommittedError(`Notification ${id}`);
    this.logger.warn(
      `Notification ${id} was never committed (its change rolled back): its e-mail is not sent`,
    );
    return false;
  }
}
