import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '@/core/auth/auth-user';
import { CurrentUser, Public, Roles } from '@/core/auth/decorators';
import { PageQueryDto } from '@/core/http/pagination';
import { JobStartedDto } from '@/modules/jobs/dto/job.dto';
import { CertificatesService } from './certificates.service';
import {
  CertificateDto,
  CertificateIssueResultDto,
  CertificateListDto,
  PublicCertificateDto,
  RevokeCertificateDto,
} from './dto/certificate.dto';

// The bearer token is documented per route: a class-level one would also mark the public verification.
@ApiTags('certificates')
@Controller()
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  /**
   * Issues a certificate to every enrolled person who meets the cohort's attendance rule, once; follow it
   * with GET /jobs/{jobId}, which reports a CertificateIssueResultDto once completed.
   */
  @Post('cohorts/:id/certificates')
  @ApiBearerAuth()
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: JobStartedDto,
    description:
      'Queued. Eligible: an active or completed enrollment, and present, late or excused (not absent) at ≥ minAttendancePercent of the held sessions (scheduled, not cancelled, ended); when the cohort requiresFinalQuizPass, also a passed attempt at a `final` quiz opened for the cohort. No held session, no certificate. Running it again issues none twice.',
  })
  @ApiExtraModels(CertificateIssueResultDto)
  @Roles('admin')
  issue(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<JobStartedDto> {
    return this.certificates.requestIssue(id, user);
  }

  /** The certificates issued in the cohort, for its staff. */
  @Get('cohorts/:id/certificates')
  @ApiBearerAuth()
  @ApiOkResponse({ type: CertificateListDto })
  ofCohort(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CertificateListDto> {
    return this.certificates.ofCohort(id, user, query);
  }

  @Get('me/certificates')
  @ApiBearerAuth()
  @ApiOkResponse({ type: CertificateListDto })
  mine(@Query() query: PageQueryDto, @CurrentUser() user: AuthUser): Promise<CertificateListDto> {
    return this.certificates.mine(user, query);
  }

  @Get('certificates/:id/pdf')
  @ApiBearerAuth()
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The certificate as issued', schema: { type: 'string', format: 'binary' } })
  async pdf(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<StreamableFile> {
    const { filename, pdf } = await this.certificates.pdf(id, user);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `inline; filename="${filename}"`,
      length: pdf.length,
    });
  }

  @Post('certificates/:id/revoke')
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOkResponse({ type: CertificateDto })
  @Roles('admin')
  revoke(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RevokeCertificateDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CertificateDto> {
    return this.certificates.revoke(id, dto.reason, user);
  }

  /** Anyone may check a certificate by its code, without an account. */
  @Public()
  @Get('public/certificates/:code')
  @ApiOkResponse({ type: PublicCertificateDto })
  verify(@Param('code') code: string): Promise<PublicCertificateDto> {
    return this.certificates.verify(code);
  }
}
