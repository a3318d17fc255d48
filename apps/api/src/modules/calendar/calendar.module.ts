import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@/modules/audit/audit.module';
import { UsersModule } from '@/modules/identity/users.module';
import { LiveModule } from '@/modules/live/live.module';
import { CalendarFeedEntity } from './calendar-feed.entity';
import { CalendarFeedController, MyCalendarFeedController } from './calendar-feeds.controller';
import { CalendarFeedsService } from './calendar-feeds.service';

/** Personal calendar feeds (iCalendar subscriptions). It reads live and identity; nothing here is read back by them. */
@Module({
  imports: [TypeOrmModule.forFeature([CalendarFeedEntity]), LiveModule, UsersModule, AuditModule],
  controllers: [MyCalendarFeedController, CalendarFeedController],
  providers: [CalendarFeedsService],
  exports: [CalendarFeedsService],
})
export class CalendarModule {}
