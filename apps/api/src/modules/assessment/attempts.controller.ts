import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@/core/auth/auth-user';
import { CurrentUser } from '@/core/auth/decorators';
import { AttemptsService } from './attempts.service';
import { AttemptDto, SaveAnswersDto, SavedAnswersDto, SubmitAttemptDto } from './dto/attempt.dto';

@ApiTags('quizzes')
@ApiBearerAuth()
@Controller('attempts')
export class AttemptsController {
  constructor(private readonly attempts: AttemptsService) {}

  /** Its trainee, and the cohort's staff; the result (and feedback, if the quiz shows it) once submitted. */
  @Get(':id')
  @ApiOkResponse({ type: AttemptDto })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<AttemptDto> {
    return this.attempts.get(id, user);
  }

  /** Saves answers as they are given (null removes one). 409 `attempt-submitted`, `attempt-time-up`. */
  @Put(':id/answers')
  @ApiOkResponse({ type: SavedAnswersDto })
  save(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SaveAnswersDto,
    @CurrentUser() user: AuthUser,
  ): Promise<SavedAnswersDto> {
    return this.attempts.save(id, dto.answers, user);
  }

  /** Submits once and answers the graded attempt; 409 `attempt-submitted` the second time. */
  @Post(':id/submit')
  @HttpCode(200)
  @ApiOkResponse({ type: AttemptDto })
  submit(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SubmitAttemptDto,
    @CurrentUser() user: AuthUser,
  ): Promise<AttemptDto> {
    return this.attempts.submit(id, dto.answers, user);
  }
}
