import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@/core/auth/auth-user';
import { CurrentUser } from '@/core/auth/decorators';
import { PageQueryDto } from '@/core/http/pagination';
import { MarkReadDto, NotificationListDto, UnreadCountDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** The caller's notifications, newest first, with the number still unread. */
  @Get()
  @ApiOkResponse({ type: NotificationListDto })
  list(@Query() query: PageQueryDto, @CurrentUser() user: AuthUser): Promise<NotificationListDto> {
    return this.notifications.list(user.id, query);
  }

  @Post('read')
  @HttpCode(200)
  @ApiOkResponse({ type: UnreadCountDto })
  async markRead(@Body() dto: MarkReadDto, @CurrentUser() user: AuthUser): Promise<UnreadCountDto> {
    return { unread: await this.notifications.markRead(user.id, dto.ids) };
  }
}
