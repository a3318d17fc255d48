import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '@/core/auth/auth-user';
import { CurrentUser } from '@/core/auth/decorators';
import { openEventStream } from '@/core/http/event-stream';
import { PageQueryDto } from '@/core/http/pagination';
import { MarkReadDto, NotificationListDto, UnreadCountDto } from './dto/notification.dto';
import { NotificationStreams } from './notification-streams.service';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly streams: NotificationStreams,
  ) {}

  /** The caller's notifications, newest first, with the number still unread. */
  @Get()
  @ApiOkResponse({ type: NotificationListDto })
  list(@Query() query: PageQueryDto, @CurrentUser() user: AuthUser): Promise<NotificationListDto> {
    return this.notifications.list(user.id, query);
  }

  /**
   * Server-sent events: `unread` (`{"unread": n}`) when the stream opens and whenever the caller's
   * notifications change, from any API process; a comment line every 25 s. The stream ends after
   * some minutes: reconnect (with the current access token). Not compressed.
   */
  @Get('stream')
  @ApiOkResponse({
    description: 'A stream of `unread` events',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  async stream(@CurrentUser() user: AuthUser, @Res() reply: FastifyReply): Promise<void> {
    await this.streams.serve(user.id, openEventStream(reply));
  }

  @Post('read')
  @HttpCode(200)
  @ApiOkResponse({ type: UnreadCountDto })
  async markRead(@Body() dto: MarkReadDto, @CurrentUser() user: AuthUser): Promise<UnreadCountDto> {
    return { unread: await this.notifications.markRead(user.id, dto.ids) };
  }
}
