import { Module } from '@nestjs/common';
import { UsersModule } from '@/modules/identity/users.module';
import { LiveModule } from '@/modules/live/live.module';
import { CalendarFeedController, MyCalendarFeedController } from './calendar-feeds.controller';
import { CalendarFeedsService } from './calendar-feeds.service';
import { FeedTokensModule } from './feed-tokens.module';

/** Personal calendar feeds (iCalendar subscriptions). It reads live and identity; nothing here is read back by them. */
@Module({
  imports: [FeedTokensModule, LiveModule, UsersModule],
  controllers: [MyCalendarFeedController, CalendarFeedController],
  providers: [CalendarFeedsService],
})
export class CalendarModule {}
