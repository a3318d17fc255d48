import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@/core/auth/auth-user';
import { CurrentUser } from '@/core/auth/decorators';
import { FeedbackDto, FeedbackSummaryDto, FeedbackSummaryQueryDto, PutFeedbackDto } from './dto/feedback.dto';
import { FeedbackService } from './feedback.service';

@ApiTags('feedback')
@ApiBearerAuth()
@Controller('sessions/:id/feedback')
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Put()
  @ApiOperation({
    summary:
      'The caller’s answer to the survey of a held session (trainees of the cohort); editable for 7 days after the session ends, then 409 feedback-closed',
  })
  @ApiOkResponse({ type: FeedbackDto })
  answer(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PutFeedbackDto,
    @CurrentUser() user: AuthUser,
  ): Promise<FeedbackDto> {
    return this.feedback.answer(id, dto, user);
  }

  @Get('mine')
  @ApiOkResponse({ type: FeedbackDto })
  mine(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<FeedbackDto> {
    return this.feedback.mine(id, user);
  }

  @Get()
  @ApiOperation({
    summary:
      'Aggregates for the cohort’s staff: averages and comments from 5 answers, counts only below; admins may ask who wrote each comment (audited)',
  })
  @ApiOkResponse({ type: FeedbackSummaryDto })
  summary(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: FeedbackSummaryQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<FeedbackSummaryDto> {
    return this.feedback.summary(id, user, query.withAuthors === true);
  }
}
