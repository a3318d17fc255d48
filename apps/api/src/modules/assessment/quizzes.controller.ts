import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '@/core/auth/auth-user';
import { CurrentUser, Roles } from '@/core/auth/decorators';
import { CreateQuizDto, QuizDto, RegradeResultDto, UpdateQuizDto } from './dto/quiz.dto';
import { QuizzesService } from './quizzes.service';

/** A module's quizzes, right answers included: for admins and the course's experts only. */
@ApiTags('quizzes')
@ApiBearerAuth()
@Roles('admin', 'expert')
@Controller('courses/:id/modules/:moduleId/quizzes')
export class QuizzesController {
  constructor(private readonly quizzes: QuizzesService) {}

  @Get()
  @ApiOkResponse({ type: [QuizDto] })
  list(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<QuizDto[]> {
    return this.quizzes.list(id, moduleId, user);
  }

  /** 400 `invalid-question` when a question lacks what its kind needs. */
  @Post()
  @ApiCreatedResponse({ type: QuizDto })
  create(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
    @Body() dto: CreateQuizDto,
    @CurrentUser() user: AuthUser,
  ): Promise<QuizDto> {
    return this.quizzes.create(id, moduleId, dto, user);
  }

  @Get(':quizId')
  @ApiOkResponse({ type: QuizDto })
  get(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
    @Param('quizId', ParseUUIDPipe) quizId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<QuizDto> {
    return this.quizzes.get(id, moduleId, quizId, user);
  }

  /** Submitted attempts keep their score until POST …/regrade. */
  @Patch(':quizId')
  @ApiOkResponse({ type: QuizDto })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
    @Param('quizId', ParseUUIDPipe) quizId: string,
    @Body() dto: UpdateQuizDto,
    @CurrentUser() user: AuthUser,
  ): Promise<QuizDto> {
    return this.quizzes.update(id, moduleId, quizId, dto, user);
  }

  /** 409 `quiz-has-attempts` once trainees have taken it. */
  @Delete(':quizId')
  @HttpCode(204)
  @ApiNoContentResponse()
  remove(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
    @Param('quizId', ParseUUIDPipe) quizId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    return this.quizzes.remove(id, moduleId, quizId, user);
  }

  /** Grades every submitted attempt again on the questions as they are now (after fixing one); audited. */
  @Post(':quizId/regrade')
  @HttpCode(200)
  @ApiOkResponse({ type: RegradeResultDto })
  regrade(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
    @Param('quizId', ParseUUIDPipe) quizId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<RegradeResultDto> {
    return this.quizzes.regrade(id, moduleId, quizId, user);
  }
}
