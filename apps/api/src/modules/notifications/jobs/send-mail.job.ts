import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { MailTransport } from '../../../core/mail/mail-transport';
import { MailJob, QueueName } from '../../../core/queue/queue-name';
import { renderMail } from '../mail-templates';

@Processor(QueueName.Mail, { concurrency: 4 })
export class SendMailJob extends WorkerHost {
  constructor(private readonly transport: MailTransport) {
    super();
  }

  async process(job: Job<MailJob>): Promise<void> {
    await this.transport.send({ to: job.data.to, ...renderMail(job.data) });
  }
}
