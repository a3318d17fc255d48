import { Module } from '@nestjs/common';
import { MailTransport } from '@/core/mail/mail-transport';
import { CohortsModule } from '@/modules/cohorts/cohorts.module';
import { UsersModule } from '@/modules/identity/users.module';
import { LiveModule } from '@/modules/live/live.module';
import { SendMailJob } from './jobs/send-mail.job';
import { SendNoticeDigestsJob } from './jobs/send-notice-digests.job';
import { SendReminderJob } from './jobs/send-reminder.job';
import { NotificationsModule } from './notifications.module';

/** The notification processors; only the worker process imports this module. */
@Module({
  imports: [NotificationsModule, LiveModule, CohortsModule, UsersModule],
  providers: [MailTransport, SendMailJob, SendReminderJob, SendNoticeDigestsJob],
})
export class NotificationsWorkerModule {}
