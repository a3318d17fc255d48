import {
  Body,
  Controller,
  Get,
  HttpCode,
  Ip,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@/core/auth/auth-user';
import { CurrentUser } from '@/core/auth/decorators';
import { ErrorDto } from '@/core/http/error.dto';
import {
  CancelSessionDto,
  CreateSessionsDto,
  JoinResponseDto,
  RecordingDto,
  RecordingListDto,
  RoomActionResultDto,
  ScheduleQueryDto,
  SessionDto,
  SessionListDto,
  TooEarlyDto,
  UpdateSessionDto,
} from './dto/session.dto';
import { RecordingsService } from './recordings.service';
import { RoomService } from './room.service';
import { SessionsService } from './sessions.service';

@ApiTags('live')
@ApiBearerAuth()
@Controller()
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly room: RoomService,
    private readonly recordings: RecordingsService,
  ) {}

  @Post('cohorts/:id/sessions')
  @ApiCreatedResponse({ type: SessionListDto })
  create(
    @Param('id', ParseUUIDPipe) cohortId: string,
    @Body() dto: CreateSessionsDto,
    @CurrentUser() user: AuthUser,
  ): Promise<SessionListDto> {
    return this.sessions.create(cohortId, dto, user);
  }

  @Get('sessions')
  @ApiOkResponse({ type: SessionListDto })
  schedule(@Query() query: ScheduleQueryDto, @CurrentUser() user: AuthUser): Promise<SessionListDto> {
    return this.sessions.schedule(query, user);
  }

  @Get('sessions/:id')
  @ApiOkResponse({ type: SessionDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<SessionDto> {
    return this.sessions.get(id, user);
  }

  @Patch('sessions/:id')
  @ApiOkResponse({ type: SessionDto })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateSessionDto,
    @CurrentUser() user: AuthUser,
  ): Promise<SessionDto> {
    return this.sessions.update(id, dto, user);
  }

  @Post('sessions/:id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionDto })
  cancel(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CancelSessionDto,
    @CurrentUser() user: AuthUser,
  ): Promise<SessionDto> {
    // Older clients send no body: this session only, with no reason.
    return this.sessions.cancel(id, dto ?? {}, user);
  }

  @Post('sessions/:id/join')
  @HttpCode(200)
  @ApiOkResponse({ type: JoinResponseDto })
  @ApiResponse({
    status: 425,
    type: TooEarlyDto,
    description: 'Before the join window; opensAt says when it opens',
  })
  @ApiResponse({
    status: 429,
    type: ErrorDto,
    description:
      'Too many join requests from this person for this session, or from this address; Retry-After says when to try again',
  })
  join(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthUser,
    @Ip() ip: string,
  ): Promise<JoinResponseDto> {
    return this.room.join(id, user, ip);
  }

  @Post('sessions/:id/recording/start')
  @HttpCode(200)
  @ApiOkResponse({ type: RecordingDto })
  startRecording(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<RecordingDto> {
    return this.recordings.start(id, user);
  }

  @Post('sessions/:id/recording/stop')
  @HttpCode(200)
  @ApiOkResponse({ type: RecordingDto })
  stopRecording(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<RecordingDto> {
    return this.recordings.stop(id, user);
  }

  @Get('sessions/:id/recordings')
  @ApiOkResponse({ type: RecordingListDto })
  listRecordings(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<RecordingListDto> {
    return this.recordings.list(id, user);
  }

  @Post('sessions/:id/participants/:userId/remove')
  @HttpCode(200)
  @ApiOkResponse({ type: RoomActionResultDto })
  remove(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<RoomActionResultDto> {
    return this.room.remove(id, userId, user);
  }

  @Post('sessions/:id/participants/:userId/readmit')
  @HttpCode(200)
  @ApiOkResponse({ type: RoomActionResultDto })
  readmit(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<RoomActionResultDto> {
    return this.room.readmit(id, userId, user);
  }

  @Post('sessions/:id/participants/:userId/mute')
  @HttpCode(200)
  @ApiOkResponse({ type: RoomActionResultDto })
  mute(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<RoomActionResultDto> {
    return this.room.mute(id, userId, user);
  }
}
