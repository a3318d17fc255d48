import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiFoundResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '@/core/auth/auth-user';
import { CurrentUser, Public, Roles } from '@/core/auth/decorators';
import { sendStoredFile } from '@/core/http/send-stored-file';
import { ObjectStorage } from '@/core/storage/object-storage';
import { SignedLinkQueryDto } from '@/core/storage/signed-file-links';
import { PlaybackLinkDto, RecordingOutputParamsDto } from './dto/recording.dto';
import { RecordingsService } from './recordings.service';

/** A player's first request asks for everything or from byte 0; the ranges after it are the same viewing. */
function startsViewing(range: string | undefined): boolean {
  return !range || /^bytes=0-/.test(range.trim());
}

@ApiTags('live')
@Controller('recordings')
export class RecordingsController {
  constructor(
    private readonly recordings: RecordingsService,
    private readonly storage: ObjectStorage,
  ) {}

  /** The file (200, or 206 for a `Range`), or a redirect to a short-lived URL of the store (S3). */
  @Get(':id/:output')
  @ApiBearerAuth()
  @ApiProduces('video/mp4', 'audio/ogg')
  @ApiHeader({ name: 'Range', required: false, description: 'bytes=start-end' })
  @ApiOkResponse({ description: 'The recording; 404 for anyone not in the cohort' })
  @ApiFoundResponse({ description: 'With S3: Location is a presigned URL of the file' })
  async file(
    @Param() params: RecordingOutputParamsDto,
    @CurrentUser() user: AuthUser,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const counted = startsViewing(request.headers.range);
    const { file, directUrl } = await this.recordings.open(params.id, params.output, user, counted);
    if (directUrl)
      await reply.status(302).header('location', directUrl).header('cache-control', 'no-store').send();
    else await sendStoredFile(request, reply, this.storage, file);
  }

  /** For players: a URL to load the file from without the access token; counts one view. */
  @Get(':id/:output/link')
  @ApiBearerAuth()
  @ApiOkResponse({ type: PlaybackLinkDto })
  link(@Param() params: RecordingOutputParamsDto, @CurrentUser() user: AuthUser): Promise<PlaybackLinkDto> {
    return this.recordings.link(params.id, params.output, user);
  }

  /** The file behind a link from `…/link` (embedded store): the token is the permission. */
  @Get(':id/:output/play')
  @Public()
  @ApiProduces('video/mp4', 'audio/ogg')
  @ApiHeader({ name: 'Range', required: false, description: 'bytes=start-end' })
  @ApiOkResponse({ description: 'The recording; 401 for a link that is not valid or has expired' })
  async play(
    @Param() params: RecordingOutputParamsDto,
    @Query() query: SignedLinkQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.recordings.openByLink(params.id, params.output, query.token);
    await sendStoredFile(request, reply, this.storage, file);
  }

  /** Deletes the recording and its files now (a consent request, say); audited. */
  @Delete(':id')
  @ApiBearerAuth()
  @Roles('admin')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.recordings.remove(id, user);
  }
}
