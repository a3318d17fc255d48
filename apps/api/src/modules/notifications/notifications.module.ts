import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '@/modules/identity/users.module';
import { NoticeDigestService } from './notice-digest.service';
import { NotificationPreferenceEntity } from './notification-preference.entity';
import { NotificationPreferencesController } from './notification-preferences.controller';
import { NotificationPreferencesService } from './notification-preferences.service';
import { NotificationEntity } from './notification.entity';
import { NotificationEvents } from './notification-events';
import { NotificationStreams } from './notification-streams.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { ReminderSentEntity } from './reminder-sent.entity';
import { RemindersService } from './reminders.service';

/** In-app notifications, their e-mails per each person's choice, and the planning of session reminders; the sending is in the worker. */
@Module({
  imports: [
    TypeOrmModule.forFeature([NotificationEntity, NotificationPreferenceEntity, ReminderSentEntity]),
    UsersModule,
  ],
  controllers: [NotificationsController, NotificationPreferencesController],
  providers: [
    NotificationsService,
    NotificationPreferencesService,
    NoticeDigestService,
    RemindersService,
    NotificationEvents,
    NotificationStreams,
  ],
  exports: [NotificationsService, NoticeDigestService, RemindersService],
})
export class NotificationsModule {}
