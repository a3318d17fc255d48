import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '@/core/auth/auth-user';
import { CurrentUser } from '@/core/auth/decorators';
import {
  AnswerRecordingConsentDto,
  CohortRecordingConsentDto,
  SessionRecordingConsentDto,
} from './dto/recording-consent.dto';
import { RecordingConsentService } from './recording-consent.service';

@ApiTags('live')
@ApiBearerAuth()
@Controller()
export class RecordingConsentController {
  constructor(private readonly consent: RecordingConsentService) {}

  /** Whether the cohort's sessions may be recorded, and the caller's answer to that notice. */
  @Get('cohorts/:id/recording-consent')
  @ApiOkResponse({ type: CohortRecordingConsentDto })
  ofCohort(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<CohortRecordingConsentDto> {
    return this.consent.ofCohort(id, user);
  }

  /** An enrolled person acknowledges the notice or objects to being recorded. */
  @Put('cohorts/:id/recording-consent')
  @ApiOkResponse({ type: CohortRecordingConsentDto })
  answer(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AnswerRecordingConsentDto,
    @CurrentUser() user: AuthUser,
  ): Promise<CohortRecordingConsentDto> {
    return this.consent.answer(id, dto.choice, dto.textVersion, user);
  }

  /** For the session's hosts: who objected to being recorded, before a recording starts. */
  @Get('sessions/:id/recording-consent')
  @ApiOkResponse({ type: SessionRecordingConsentDto })
  ofSession(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<SessionRecordingConsentDto> {
    return this.consent.ofSession(id, user);
  }
}
