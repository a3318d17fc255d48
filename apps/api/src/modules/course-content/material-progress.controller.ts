import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@/core/auth/auth-user';
import { CurrentUser } from '@/core/auth/decorators';
import { CourseProgressListDto } from './dto/course-progress.dto';
import { MaterialProgressService } from './material-progress.service';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller()
export class MaterialProgressController {
  constructor(private readonly progress: MaterialProgressService) {}

  /** 204 whether or not it was marked before; 404 for whoever may not see the material. */
  @Put('materials/:id/done')
  @ApiNoContentResponse()
  @HttpCode(204)
  markDone(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.progress.markDone(id, user);
  }

  /** 204 whether or not it was marked; 404 for whoever may not see the material. */
  @Delete('materials/:id/done')
  @ApiNoContentResponse()
  @HttpCode(204)
  unmarkDone(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    return this.progress.unmarkDone(id, user);
  }

  /** Per course the person is enrolled in: files done out of the course's files, and which. */
  @Get('me/course-progress')
  @ApiOkResponse({ type: CourseProgressListDto })
  mine(@CurrentUser() user: AuthUser): Promise<CourseProgressListDto> {
    return this.progress.mine(user);
  }
}
