import { ApiProperty } from '@nestjs/swagger';
import {
  RECORDING_CONSENT_CHOICES,
  RECORDING_CONSENT_TEXT_VERSION,
  type RecordingConsentChoice,
} from '@mre/contracts';
import { IsIn } from 'class-validator';

export class AnswerRecordingConsentDto {
  @ApiProperty({
    enum: RECORDING_CONSENT_CHOICES,
    description: '`objected`: the person does not want to be recorded',
  })
  @IsIn(RECORDING_CONSENT_CHOICES)
  choice: RecordingConsentChoice;

  @ApiProperty({
    enum: [RECORDING_CONSENT_TEXT_VERSION],
    description: 'The version of the notice the person read (the current one)',
  })
  @IsIn([RECORDING_CONSENT_TEXT_VERSION], { message: 'textVersion must be the current notice' })
  textVersion: string;
}

export class RecordingConsentAnswerDto {
  @ApiProperty({ enum: RECORDING_CONSENT_CHOICES }) choice: RecordingConsentChoice;
  @ApiProperty() textVersion: string;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
}

export class CohortRecordingConsentDto {
  @ApiProperty({ description: 'Whether the cohort’s sessions may be recorded' }) recordingAllowed: boolean;
  @ApiProperty({ description: 'The version of the notice in force' }) textVersion: string;
  @ApiProperty({
    type: RecordingConsentAnswerDto,
    nullable: true,
    description: 'The caller’s own answer; null before they answer (and for staff)',
  })
  mine: RecordingConsentAnswerDto | null;
}

export class RecordingObjectionDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
}

export class SessionRecordingConsentDto {
  @ApiProperty() recordingAllowed: boolean;
  @ApiProperty({
    type: [RecordingObjectionDto],
    description: 'Enrolled people who objected to being recorded',
  })
  objections: RecordingObjectionDto[];
  @ApiProperty({ description: 'Enrolled people who accepted' }) accepted: number;
  @ApiProperty({ description: 'Enrolled people who have not answered yet' }) unanswered: number;
}
