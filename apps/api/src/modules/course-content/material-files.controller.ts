import { Controller, Get, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthUser } from '@/core/auth/auth-user';
import { CurrentUser } from '@/core/auth/decorators';
import { sendStoredFile } from '@/core/http/send-stored-file';
import { ObjectStorage } from '@/core/storage/object-storage';
import { MaterialFilesService } from './material-files.service';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('materials')
export class MaterialFilesController {
  constructor(
    private readonly files: MaterialFilesService,
    private readonly storage: ObjectStorage,
  ) {}

  /** The file (200), a part of it for a `Range` (206), or 304 for a matching `If-None-Match`. */
  @Get(':id/file')
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
}
