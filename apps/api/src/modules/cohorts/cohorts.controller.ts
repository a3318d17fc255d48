import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@/core/auth/auth-user';
import { CurrentUser, Roles } from '@/core/auth/decorators';
import { CohortsService } from './cohorts.service';
import {
  CohortDto,
  CohortListDto,
  CreateCohortDto,
  ListCohortsQueryDto,
  UpdateCohortDto,
} from './dto/cohort.dto';

@ApiTags('cohorts')
@ApiBearerAuth()
@Controller('cohorts')
export class CohortsController {
  constructor(private readonly cohorts: CohortsService) {}

  @Post()
  @ApiCreatedResponse({ type: CohortDto })
  @Roles('admin')
  create(@Body() dto: CreateCohortDto, @CurrentUser() user: AuthUser): Promise<CohortDto> {
    return this.cohorts.create(dto, user);
  }

  /** The cohorts the caller may see: all (admin), their centre's (coordinator), taught, or enrolled in. */
  @Get()
  @ApiOkResponse({ type: CohortListDto })
  list(@Query() query: ListCohortsQueryDto, @CurrentUser() user: AuthUser): Promise<CohortListDto> {
    return this.cohorts.list(query, user);
  }

  @Get(':id')
  @ApiOkResponse({ type: CohortDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<CohortDto> {
    return this.cohorts.get(id, user);
  }

  @Patch(':id')
  @ApiOkResponse({ type: CohortDto })
  @Roles('admin')
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateCohortDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CohortDto> {
    return this.cohorts.update(id, dto, user);
  }
}
