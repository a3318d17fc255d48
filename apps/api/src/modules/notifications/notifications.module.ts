import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationEntity } from './notification.entity';
import { NotificationEvents } from './notification-events';
import { NotificationStreams } from './notification-streams.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { ReminderSentEntity } from './reminder-sent.entity';
import { RemindersService } from './reminders.service';

/** In-app notifications and the planning of session reminders; the sending is in the worker. */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity, ReminderSentEntity])],
  controllers: [NotificationsController],
  providers: [NotificationsService, RemindersService, NotificationEvents, NotificationStreams],
  exports: [NotificationsService, RemindersService],
})
export class NotificationsModule {}
