import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@/modules/audit/audit.module';
import { CalendarFeedEntity } from './calendar-feed.entity';
import { FeedTokensService } from './feed-tokens.service';

/** The secrets of the calendar feeds, apart from the feeds: the cohorts' notices link to them. */
@Module({
  imports: [TypeOrmModule.forFeature([CalendarFeedEntity]), AuditModule],
  providers: [FeedTokensService],
  exports: [FeedTokensService],
})
export class FeedTokensModule {}
