import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@/core/auth/auth-user';
import { CurrentUser } from '@/core/auth/decorators';
import {
  NotificationPreferenceListDto,
  UpdateNotificationPreferencesDto,
} from './dto/notification-preference.dto';
import { NotificationPreferencesService } from './notification-preferences.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  /** How the caller gets each kind of notice by e-mail (in-app they always do). */
  @Get()
  @ApiOkResponse({ type: NotificationPreferenceListDto })
  list(@CurrentUser() user: AuthUser): Promise<NotificationPreferenceListDto> {
    return this.preferences.list(user.id, user.role);
  }

  /** Changes the given kinds; 400 `notification-kind-unknown` or `email-mode-unknown` for a bad one. */
  @Put()
  @ApiOkResponse({ type: NotificationPreferenceListDto })
  update(
    @Body() dto: UpdateNotificationPreferencesDto,
    @CurrentUser() user: AuthUser,
  ): Promise<NotificationPreferenceListDto> {
    return this.preferences.update(user.id, user.role, dto);
  }
}
