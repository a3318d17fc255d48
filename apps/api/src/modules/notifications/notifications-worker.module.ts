import { Module } from '@nestjs/common';
import { MailTransport } from '../../core/mail/mail-transport';
import { SendMailJob } from './jobs/send-mail.job';

/** The notification processors; only the worker process imports this module. */
@Module({ providers: [MailTransport, SendMailJob] })
export class NotificationsWorkerModule {}
