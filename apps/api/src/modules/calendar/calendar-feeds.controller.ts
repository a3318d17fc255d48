import { Controller, Delete, Get, HttpCode, Ip, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '@/core/auth/auth-user';
import { CurrentUser, Public } from '@/core/auth/decorators';
import { ErrorDto } from '@/core/http/error.dto';
import { CalendarFeedsService } from './calendar-feeds.service';
import { CalendarFeedDto, CalendarFeedQueryDto } from './dto/calendar-feed.dto';
import { FeedTokensService } from './feed-tokens.service';

/** The signed-in person's own calendar feed URL. */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('me/calendar-feed')
export class MyCalendarFeedController {
  constructor(private readonly feeds: FeedTokensService) {}

  @Get()
  @ApiOkResponse({ type: CalendarFeedDto })
  @ApiNotFoundResponse({ type: ErrorDto, description: '`calendar-feed-not-found`: the person has no feed' })
  mine(@CurrentUser() user: AuthUser): Promise<CalendarFeedDto> {
    return this.feeds.mine(user.id);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Creates the feed, or gives it a new URL: the former URL stops working' })
  @ApiOkResponse({ type: CalendarFeedDto })
  rotate(@CurrentUser() user: AuthUser, @Ip() ip: string): Promise<CalendarFeedDto> {
    return this.feeds.rotate(user.id, ip);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Revokes the feed: its URL stops working (audited)' })
  @ApiNoContentResponse()
  revoke(@CurrentUser() user: AuthUser, @Ip() ip: string): Promise<void> {
    return this.feeds.revoke(user.id, ip);
  }
}

/** The feeds themselves: calendar apps fetch them with no account, the secret URL is the key. */
@ApiTags('calendar')
@Public()
@Controller('calendar')
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Get(':token.ics')
  @ApiProduces('text/calendar')
  @ApiOperation({
    summary:
      "The person's sessions as iCalendar (60 days back and all to come, cancelled ones as STATUS:CANCELLED), titles in their language",
  })
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiNotFoundResponse({ type: ErrorDto, description: 'Unknown or revoked token' })
  async feed(
    @Param('token') token: string,
    @Query() query: CalendarFeedQueryDto,
    @Ip() ip: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const ics = await this.feeds.ics(token, ip, query.cohort);
    // Set once the feed is there: an error goes out as JSON. Private: the URL is a secret, no
    // shared cache may keep it; five minutes spare the server a burst of polls.
    void reply
      .header('Content-Type', 'text/calendar; charset=utf-8')
      .header('Cache-Control', 'private, max-age=300');
    return ics;
  }
}
