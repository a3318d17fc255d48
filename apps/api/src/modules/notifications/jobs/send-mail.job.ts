import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { AppConfig } from '../../../core/config/app-config';
import { MailTransport } from '../../../core/mail/mail-transport';
import { MailJob, QueueName } from '../../../core/queue/queue-name';
import { workerOptions } from '../../../core/queue/worker-options';
import { icsAttachment } from '../calendar-invite';
import { renderMail } from '../mail-templates';

@Processor(QueueName.Mail, workerOptions(4))
export class SendMailJob extends WorkerHost {
  constructor(
    private readonly transport: MailTransport,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async process(job: Job<MailJob>): Promise<void> {
    const { to, calendar } = job.data;
    const attachments = calendar ? [icsAttachment(calendar, { publicUrl: this.config.publicUrl, organizer: this.config.get('MAIL_FROM'), attendee: to })] : undefined;
    await this.transport.send({ to, ...renderMail(job.data), attachments });
  }
}
