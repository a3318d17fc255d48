import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../../core/auth/auth-user';
import { CurrentUser } from '../../core/auth/decorators';
import { JobDto } from './dto/import-job.dto';
import { ImportJobsService } from './import-jobs.service';

/** Background jobs started through the API; today the CSV enrollment imports. */
@ApiTags('cohorts')
@ApiBearerAuth()
@Controller('jobs')
export class JobsController {
  constructor(private readonly imports: ImportJobsService) {}

  @Get(':jobId')
  @ApiOkResponse({ type: JobDto })
  get(@Param('jobId', ParseUUIDPipe) jobId: string, @CurrentUser() user: AuthUser): Promise<JobDto> {
    return this.imports.get(jobId, user);
  }
}
