import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '@/core/auth/auth-user';
import { CurrentUser, Roles } from '@/core/auth/decorators';
import { UploadedFileBytes } from '@/core/http/uploaded-file';
import { JobStartedDto } from '@/modules/jobs/dto/job.dto';
import {
  EnrollDto,
  EnrollmentDto,
  EnrollmentListDto,
  ListEnrollmentsQueryDto,
  WithdrawalDto,
  WithdrawQueryDto,
} from './dto/enrollment.dto';
import { ImportFileDto, ImportResultDto } from './dto/import-job.dto';
import { EnrollmentsService } from './enrollments.service';
import { ImportJobsService } from './import-jobs.service';

@ApiTags('cohorts')
@ApiBearerAuth()
@Controller('cohorts/:id/enrollments')
export class EnrollmentsController {
  constructor(
    private readonly enrollments: EnrollmentsService,
    private readonly imports: ImportJobsService,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: EnrollmentDto })
  @Roles('admin', 'coordinator')
  enroll(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: EnrollDto,
    @CurrentUser() user: AuthUser,
  ): Promise<EnrollmentDto> {
    return this.enrollments.enroll(id, dto, user);
  }

  @Get()
  @ApiOkResponse({ type: EnrollmentListDto })
  list(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ListEnrollmentsQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<EnrollmentListDto> {
    return this.enrollments.list(id, query, user);
  }

  @Delete(':userId')
  @ApiOkResponse({ type: WithdrawalDto })
  @Roles('admin', 'coordinator')
  withdraw(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Query() query: WithdrawQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<WithdrawalDto> {
    return this.enrollments.withdraw(id, userId, query.reason, user);
  }

  /** Answers at once; follow the work with GET /jobs/{jobId}, which reports an ImportResultDto once completed. */
  @Post('import')
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImportFileDto })
  @ApiAcceptedResponse({ type: JobStartedDto })
  @ApiExtraModels(ImportResultDto)
  @Roles('admin', 'coordinator')
  import(
    @Param('id', ParseUUIDPipe) id: string,
    @UploadedFileBytes('file') file: Buffer,
    @CurrentUser() user: AuthUser,
  ): Promise<JobStartedDto> {
    return this.imports.start(id, file, user);
  }
}
