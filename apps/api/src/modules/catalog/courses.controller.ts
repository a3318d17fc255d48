import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '@/core/auth/auth-user';
import { CurrentUser, Roles } from '@/core/auth/decorators';
import { CoursesService } from './courses.service';
import {
  CourseDetailDto,
  CourseListDto,
  CreateCourseDto,
  CreateModuleDto,
  ListCoursesQueryDto,
  ModuleDto,
  UpdateCourseDto,
  UpdateModuleDto,
} from './dto/course.dto';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('courses')
export class CoursesController {
  constructor(private readonly courses: CoursesService) {}

  @Get()
  @ApiOkResponse({ type: CourseListDto })
  list(@Query() query: ListCoursesQueryDto, @CurrentUser() user: AuthUser): Promise<CourseListDto> {
    return this.courses.list(query, user);
  }

  @Post()
  @ApiCreatedResponse({ type: CourseDetailDto })
  @Roles('admin')
  create(@Body() dto: CreateCourseDto, @CurrentUser() user: AuthUser): Promise<CourseDetailDto> {
    return this.courses.create(dto, user);
  }

  @Get(':id')
  @ApiOkResponse({ type: CourseDetailDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<CourseDetailDto> {
    return this.courses.get(id, user);
  }

  @Patch(':id')
  @ApiOkResponse({ type: CourseDetailDto })
  @Roles('admin', 'expert')
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateCourseDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CourseDetailDto> {
    return this.courses.update(id, dto, user);
  }

  @Post(':id/modules')
  @ApiCreatedResponse({ type: ModuleDto })
  @Roles('admin', 'expert')
  addModule(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateModuleDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ModuleDto> {
    return this.courses.addModule(id, dto, user);
  }

  @Patch(':id/modules/:moduleId')
  @ApiOkResponse({ type: ModuleDto })
  @Roles('admin', 'expert')
  updateModule(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
    @Body() dto: UpdateModuleDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ModuleDto> {
    return this.courses.updateModule(id, moduleId, dto, user);
  }

  @Delete(':id/modules/:moduleId')
  @ApiNoContentResponse()
  @Roles('admin', 'expert')
  @HttpCode(204)
  removeModule(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    return this.courses.removeModule(id, moduleId, user);
  }
}
