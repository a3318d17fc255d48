import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import type { SessionFeedbackEntity } from '../session-feedback.entity';

/** How many answers a session needs before its averages and comments are shown to staff. */
export const FEEDBACK_ANONYMITY_THRESHOLD = 5;

const rating = (description: string) => ApiProperty({ minimum: 1, maximum: 5, type: 'integer', description });

export class PutFeedbackDto {
  @rating('The content of the session')
  @IsInt()
  @Min(1)
  @Max(5)
  content: number;

  @rating('How clearly the expert explained')
  @IsInt()
  @Min(1)
  @Max(5)
  clarity: number;

  @rating('The quality of the sound and picture')
  @IsInt()
  @Min(1)
  @Max(5)
  audioVideo: number;

  @ApiPropertyOptional({ type: String, maxLength: 1000, nullable: true })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(1000)
  comment?: string | null;
}

export class FeedbackDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty() content: number;
  @ApiProperty() clarity: number;
  @ApiProperty() audioVideo: number;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ format: 'date-time', description: 'Until when the answer can still be changed' })
  closesAt: string;

  static from(entity: SessionFeedbackEntity, closesAt: Date): FeedbackDto {
    return {
      sessionId: entity.sessionId,
      content: entity.content,
      clarity: entity.clarity,
      audioVideo: entity.audioVideo,
      comment: entity.comment,
      updatedAt: entity.updatedAt.toISOString(),
      closesAt: closesAt.toISOString(),
    };
  }
}

export class FeedbackAveragesDto {
  @ApiProperty() content: number;
  @ApiProperty() clarity: number;
  @ApiProperty() audioVideo: number;
}

export class FeedbackCommentDto {
  @ApiProperty() comment: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only with `withAuthors` (admins, audited)' })
  authorId?: string;
  @ApiPropertyOptional({ description: 'Only with `withAuthors` (admins, audited)' })
  authorName?: string;
}

export class FeedbackSummaryDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ description: 'How many trainees answered' }) answers: number;
  @ApiProperty({ description: 'Averages and comments are shown from this many answers' })
  threshold: number;
  @ApiProperty({
    type: FeedbackAveragesDto,
    nullable: true,
    description: 'Rounded to 2 decimals; null below the threshold (the answers stay anonymous)',
  })
  averages: FeedbackAveragesDto | null;
  @ApiProperty({
    type: [FeedbackCommentDto],
    nullable: true,
    description:
      'In no particular order (alphabetical), so they cannot be matched to who answered when; null below the threshold, except for an admin asking `withAuthors`',
  })
  comments: FeedbackCommentDto[] | null;
  @ApiProperty({ format: 'date-time' }) opensAt: string;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
}

export class FeedbackSummaryQueryDto {
  @ApiPropertyOptional({
    description: 'Admins only, audited: names who wrote each comment (the audit of abuse)',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  withAuthors?: boolean;
}
