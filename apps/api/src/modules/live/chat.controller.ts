import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '@/core/auth/auth-user';
import { CurrentUser } from '@/core/auth/decorators';
import { PageQueryDto } from '@/core/http/pagination';
import { ChatService } from './chat.service';
import { ChatMessageDto, ChatMessageListDto, PostChatMessageDto } from './dto/chat.dto';

@ApiTags('live')
@ApiBearerAuth()
@Controller('sessions/:id/chat')
export class ChatController {
  constructor(private readonly chat: ChatService) {}

  /** Writes in the class chat (hosts and trainees while the room admits them); relayed to the room. */
  @Post()
  @ApiCreatedResponse({ type: ChatMessageDto })
  post(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PostChatMessageDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ChatMessageDto> {
    return this.chat.post(id, dto, user);
  }

  /** The stored chat, oldest first: for the cohort's people and staff, also after class; 404 for others. */
  @Get()
  @ApiOkResponse({ type: ChatMessageListDto })
  list(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ChatMessageListDto> {
    return this.chat.list(id, query, user);
  }

  /** A host deletes a message: it shows as deleted for everyone (relayed to the room), audited. */
  @Delete(':messageId')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('messageId', ParseUUIDPipe) messageId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    return this.chat.remove(id, messageId, user);
  }
}
