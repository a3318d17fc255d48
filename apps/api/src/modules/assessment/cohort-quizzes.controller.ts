import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '@/core/auth/auth-user';
import { CurrentUser } from '@/core/auth/decorators';
import { AttemptsService } from './attempts.service';
import { CohortQuizzesService } from './cohort-quizzes.service';
import { AttemptDto, CohortQuizDto, CohortQuizWindowDto, QuizResultsDto } from './dto/attempt.dto';

@ApiTags('quizzes')
@ApiBearerAuth()
@Controller('cohorts/:id/quizzes')
export class CohortQuizzesController {
  constructor(
    private readonly cohortQuizzes: CohortQuizzesService,
    private readonly attempts: AttemptsService,
  ) {}

  /** Staff: every quiz of the course with its window; a trainee: the scheduled ones with their standing. */
  @Get()
  @ApiOkResponse({ type: [CohortQuizDto] })
  list(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<CohortQuizDto[]> {
    return this.cohortQuizzes.list(id, user);
  }

  /** Opens the quiz to the cohort's trainees from `opensAt` (until `closesAt`). */
  @Put(':quizId')
  @ApiOkResponse({ type: CohortQuizDto })
  schedule(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('quizId', ParseUUIDPipe) quizId: string,
    @Body() dto: CohortQuizWindowDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CohortQuizDto> {
    return this.cohortQuizzes.schedule(id, quizId, dto, user);
  }

  @Delete(':quizId')
  @HttpCode(204)
  @ApiNoContentResponse()
  unschedule(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('quizId', ParseUUIDPipe) quizId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<void> {
    return this.cohortQuizzes.unschedule(id, quizId, user);
  }

  /**
   * 201 a new attempt; 200 the attempt already in progress (resume after a dropped connection).
   * 409 `quiz-not-open` or `attempts-exhausted`; 403 `not-cohort-trainee` for staff.
   */
  @Post(':quizId/attempts')
  @ApiCreatedResponse({ type: AttemptDto })
  @ApiOkResponse({ type: AttemptDto, description: 'The attempt in progress' })
  async start(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('quizId', ParseUUIDPipe) quizId: string,
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AttemptDto> {
    const { attempt, created } = await this.attempts.start(id, quizId, user);
    reply.status(created ? 201 : 200);
    return attempt;
  }

  /** Scores per trainee and the item analysis; the cohort's staff only. */
  @Get(':quizId/results')
  @ApiOkResponse({ type: QuizResultsDto })
  results(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('quizId', ParseUUIDPipe) quizId: string,
    @CurrentUser() user: AuthUser,
  ): Promise<QuizResultsDto> {
    return this.cohortQuizzes.results(id, quizId, user);
  }
}
