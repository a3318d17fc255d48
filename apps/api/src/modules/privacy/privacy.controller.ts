import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@/core/auth/auth-user';
import { CurrentUser, Roles } from '@/core/auth/decorators';
import { EraseUserDto, ErasureResultDto } from './dto/erasure.dto';
import { ErasureService } from './erasure.service';
import { PersonalDataArchive, PersonalDataExportService } from './personal-data-export.service';

const zip = (archive: PersonalDataArchive) =>
  new StreamableFile(archive.zip, {
    type: 'application/zip',
    disposition: `attachment; filename="${archive.filename}"`,
    length: archive.zip.length,
  });

const ZIP_RESPONSE = {
  description:
    'A ZIP: data.json (everything held about the person), summary.html (readable, in their language) and certificates/*.pdf',
  schema: { type: 'string', format: 'binary' },
};

@ApiTags('privacy')
@ApiBearerAuth()
@Controller()
export class PrivacyController {
  constructor(
    private readonly exports: PersonalDataExportService,
    private readonly erasure: ErasureService,
  ) {}

  /** The caller's own data. */
  @Get('me/export')
  @ApiProduces('application/zip')
  @ApiOkResponse(ZIP_RESPONSE)
  async mine(@CurrentUser() user: AuthUser): Promise<StreamableFile> {
    return zip(await this.exports.mine(user));
  }

  /** A person's data, exported by an admin on their behalf (audited). */
  @Get('users/:id/export')
  @ApiProduces('application/zip')
  @ApiOkResponse(ZIP_RESPONSE)
  @Roles('admin')
  async ofPerson(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<StreamableFile> {
    return zip(await this.exports.onBehalf(id, user));
  }

  /** Erases the person's identifying data everywhere; their counted figures stay. Erasing again changes nothing. */
  @Post('users/:id/erase')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ErasureResultDto })
  @Roles('admin')
  erase(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: EraseUserDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ErasureResultDto> {
    return this.erasure.erase(id, dto.reason, user);
  }
}
