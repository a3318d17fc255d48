import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@/core/auth/auth-user';
import { CurrentUser } from '@/core/auth/decorators';
import { JobDto } from './dto/job.dto';
import { JobsService } from './jobs.service';

/** Background jobs started through the API (CSV enrollment imports, certificate issuing), for whoever started them. */
@ApiTags('jobs')
@ApiBearerAuth()
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get(':jobId')
  @ApiOkResponse({ type: JobDto })
  get(@Param('jobId', ParseUUIDPipe) jobId: string, @CurrentUser() user: AuthUser): Promise<JobDto> {
    return this.jobs.get(jobId, user);
  }
}
