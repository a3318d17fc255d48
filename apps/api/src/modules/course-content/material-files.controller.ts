import { Controller, Get, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '@/core/auth/auth-user';
import { CurrentUser, Public } from '@/core/auth/decorators';
import { sendStoredFile } from '@/core/http/send-stored-file';
import { ObjectStorage } from '@/core/storage/object-storage';
import { SignedFileLinkDto, SignedLinkQueryDto } from '@/core/storage/signed-file-links';
import { MaterialFilesService } from './material-files.service';

@ApiTags('catalog')
@Controller('materials')
export class MaterialFilesController {
  constructor(
    private readonly files: MaterialFilesService,
    private readonly storage: ObjectStorage,
  ) {}

  /** The file (200), a part of it for a `Range` (206), or 304 for a matching `If-None-Match`. */
  @Get(':id/file')
  @ApiBearerAuth()
  @ApiProduces('application/octet-stream')
  @ApiHeader({ name: 'Range', required: false, description: 'bytes=start-end, to resume a download' })
  @ApiHeader({ name: 'If-None-Match', required: false })
  @ApiOkResponse({ description: 'The file, with ETag and Content-Disposition (UTF-8 name)' })
  async file(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthUser,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendStoredFile(request, reply, this.storage, await this.files.open(id, user));
  }

  /**
   * For the browser's download manager: a URL of a few minutes that needs no access token (a
   * presigned URL of the store with S3, else `…/download?token=`), which it streams and resumes.
   */
  @Get(':id/link')
  @ApiBearerAuth()
  @ApiOkResponse({ type: SignedFileLinkDto })
  link(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<SignedFileLinkDto> {
    return this.files.link(id, user);
  }

  /** The file behind a link from `…/link` (embedded store): the token is the permission; Range as above. */
  @Get(':id/download')
  @Public()
  @ApiProduces('application/octet-stream')
  @ApiHeader({ name: 'Range', required: false, description: 'bytes=start-end, to resume a download' })
  @ApiOkResponse({ description: 'The file; 404 for a link that is not valid or has expired' })
  async download(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: SignedLinkQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await sendStoredFile(request, reply, this.storage, await this.files.openByLink(id, query.token));
  }
}
