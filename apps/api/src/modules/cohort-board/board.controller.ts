import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '@/core/auth/auth-user';
import { CurrentUser } from '@/core/auth/decorators';
import { PageQueryDto } from '@/core/http/pagination';
import { sendStoredFile } from '@/core/http/send-stored-file';
import { type PendingUpload, UploadedStream } from '@/core/http/uploaded-stream';
import { ObjectStorage } from '@/core/storage/object-storage';
import { AnnouncementsService } from './announcements.service';
import {
  AcceptAnswerDto,
  AnnouncementDto,
  AnnouncementListDto,
  CreateAnnouncementDto,
  HideDto,
  PinQuestionDto,
  PostTextDto,
  BoardQuestionDto,
  BoardQuestionListDto,
  BoardQuestionQueryDto,
  UpdateAnnouncementDto,
  UploadQuestionFileDto,
} from './dto/board.dto';
import { QuestionsService } from './questions.service';

/**
 * A cohort's board: its announcements and its questions between classes. Who may do what is the
 * cohort's to say (BOARD_ACTIONS); people outside the cohort get 404.
 */
@ApiTags('board')
@ApiBearerAuth()
@Controller()
export class BoardController {
  constructor(
    private readonly announcements: AnnouncementsService,
    private readonly questions: QuestionsService,
    private readonly storage: ObjectStorage,
  ) {}

  @Get('cohorts/:id/announcements')
  @ApiOperation({ summary: 'The cohort’s announcements, newest first (its trainees and staff)' })
  @ApiOkResponse({ type: AnnouncementListDto })
  listAnnouncements(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<AnnouncementListDto> {
    return this.announcements.list(id, query, user);
  }

  @Post('cohorts/:id/announcements')
  @ApiOperation({
    summary:
      'Posts an announcement (admins, the cohort’s teachers and coordinator); each trainee is notified',
  })
  @ApiCreatedResponse({ type: AnnouncementDto })
  postAnnouncement(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateAnnouncementDto,
    @CurrentUser() user: AuthUser,
  ): Promise<AnnouncementDto> {
    return this.announcements.post(id, dto, user);
  }

  @Patch('announcements/:id')
  @ApiOperation({ summary: 'Edits an announcement (audited with the title before and after)' })
  @ApiOkResponse({ type: AnnouncementDto })
  updateAnnouncement(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateAnnouncementDto,
    @CurrentUser() user: AuthUser,
  ): Promise<AnnouncementDto> {
    return this.announcements.update(id, dto, user);
  }

  @Delete('announcements/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deletes an announcement for every reader (audited)' })
  @ApiNoContentResponse()
  removeAnnouncement(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.announcements.remove(id, user);
  }

  @Get('cohorts/:id/questions')
  @ApiOperation({
    summary:
      'The cohort’s questions with their answers, pinned first; `waiting=true` (staff): those with no visible answer for 48 hours',
  })
  @ApiOkResponse({ type: BoardQuestionListDto })
  listQuestions(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: BoardQuestionQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<BoardQuestionListDto> {
    return this.questions.list(id, query, user);
  }

  @Post('cohorts/:id/questions')
  @ApiOperation({ summary: 'A trainee of the cohort asks a question' })
  @ApiCreatedResponse({ type: BoardQuestionDto })
  ask(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PostTextDto,
    @CurrentUser() user: AuthUser,
  ): Promise<BoardQuestionDto> {
    return this.questions.ask(id, dto.body, user);
  }

  @Post('questions/:id/answers')
  @ApiOperation({ summary: 'Anyone of the cohort answers; the asker is notified' })
  @ApiCreatedResponse({ type: BoardQuestionDto, description: 'The question with its answers' })
  answer(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PostTextDto,
    @CurrentUser() user: AuthUser,
  ): Promise<BoardQuestionDto> {
    return this.questions.answer(id, dto.body, user);
  }

  @Post('questions/:id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'Marks one of its answers accepted (admins, the cohort’s teachers; audited)' })
  @ApiOkResponse({ type: BoardQuestionDto })
  accept(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AcceptAnswerDto,
    @CurrentUser() user: AuthUser,
  ): Promise<BoardQuestionDto> {
    return this.questions.accept(id, dto.answerId, user);
  }

  @Post('questions/:id/pin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Pins or unpins the question for the next session (admins, the cohort’s teachers)',
  })
  @ApiOkResponse({ type: BoardQuestionDto })
  pin(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PinQuestionDto,
    @CurrentUser() user: AuthUser,
  ): Promise<BoardQuestionDto> {
    return this.questions.pin(id, dto.pinned, user);
  }

  @Post('questions/:id/hide')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hides the question from trainees (staff; audited with the reason)' })
  @ApiOkResponse({ type: BoardQuestionDto })
  hideQuestion(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: HideDto,
    @CurrentUser() user: AuthUser,
  ): Promise<BoardQuestionDto> {
    return this.questions.hideQuestion(id, dto.reason, user);
  }

  @Post('questions/:id/restore')
  @HttpCode(200)
  @ApiOperation({ summary: 'Shows a hidden question again (staff; audited)' })
  @ApiOkResponse({ type: BoardQuestionDto })
  restoreQuestion(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<BoardQuestionDto> {
    return this.questions.hideQuestion(id, null, user);
  }

  @Post('answers/:id/hide')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hides the answer from trainees (staff; audited with the reason)' })
  @ApiOkResponse({ type: BoardQuestionDto, description: 'Its question with its answers' })
  hideAnswer(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: HideDto,
    @CurrentUser() user: AuthUser,
  ): Promise<BoardQuestionDto> {
    return this.questions.hideAnswer(id, dto.reason, user);
  }

  @Post('answers/:id/restore')
  @HttpCode(200)
  @ApiOperation({ summary: 'Shows a hidden answer again (staff; audited)' })
  @ApiOkResponse({ type: BoardQuestionDto, description: 'Its question with its answers' })
  restoreAnswer(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<BoardQuestionDto> {
    return this.questions.hideAnswer(id, null, user);
  }

  @Put('questions/:id/attachment')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadQuestionFileDto })
  @ApiOperation({
    summary:
      'The asker attaches one file to their question (a new one replaces it): the types and size limit of course materials (415, 413)',
  })
  @ApiOkResponse({ type: BoardQuestionDto })
  attach(
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedStream('file') file: PendingUpload,
    @CurrentUser() user: AuthUser,
  ): Promise<BoardQuestionDto> {
    return this.questions.attach(id, file, user);
  }

  /** The file (200), a part of it for a `Range` (206), or 304 for a matching `If-None-Match`. */
  @Get('questions/:id/attachment')
  @ApiOperation({ summary: 'The question’s file, for whoever may see the question (404 for others)' })
  @ApiProduces('application/octet-stream')
  @ApiHeader({ name: 'Range', required: false, description: 'bytes=start-end, to resume a download' })
  @ApiHeader({ name: 'If-None-Match', required: false })
  @ApiOkResponse({ description: 'The file, with ETag and Content-Disposition (UTF-8 name)' })
  async attachment(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthUser,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendStoredFile(request, reply, this.storage, await this.questions.attachment(id, user));
  }
}
