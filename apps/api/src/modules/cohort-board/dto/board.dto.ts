import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ANNOUNCEMENT_ATTACHMENTS_MAX,
  ANNOUNCEMENT_BODY_MAX,
  ANNOUNCEMENT_TITLE_MAX,
  BOARD_POST_MAX,
} from '@mre/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { PageQueryDto } from '@/core/http/pagination';
import { MaterialFileDto } from '@/modules/catalog/dto/course.dto';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** Text with something other than spaces in it (trimmed before this check). */
const NOT_BLANK = /\S/;

/** What the caller may do on the cohort's board, so that clients do not work it out again. */
export class BoardPermissionsDto {
  @ApiProperty({ description: 'Post, edit and delete announcements (admins, teachers, coordinators)' })
  announce: boolean;
  @ApiProperty({ description: 'Ask a question (the cohort’s trainees)' }) ask: boolean;
  @ApiProperty({ description: 'Mark an answer accepted, pin questions (admins, teachers)' }) lead: boolean;
  @ApiProperty({ description: 'Hide and restore questions and answers (admins, teachers, coordinators)' })
  moderate: boolean;
}

export class BoardAuthorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ description: 'Whether the author teaches the cohort' }) teacher: boolean;
}

export class AnnouncementDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty() title: string;
  @ApiProperty({
    description: 'Markdown-like text: **bold**, *italics*, lists (- or 1.), [links](https://…)',
  })
  body: string;
  @ApiProperty({ type: BoardAuthorDto, nullable: true, description: 'null once the author was erased' })
  author: BoardAuthorDto | null;
  @ApiProperty({
    type: [MaterialFileDto],
    description: 'Materials of the cohort’s course; those deleted since are left out',
  })
  attachments: MaterialFileDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) editedAt: string | null;
}

export class AnnouncementListDto {
  @ApiProperty({ type: [AnnouncementDto], description: 'Newest first' }) items: AnnouncementDto[];
  @ApiProperty() total: number;
  @ApiProperty({ type: BoardPermissionsDto }) permissions: BoardPermissionsDto;
}

export class CreateAnnouncementDto {
  @ApiProperty({ maxLength: ANNOUNCEMENT_TITLE_MAX })
  @Transform(trimmed)
  @IsString()
  @Matches(NOT_BLANK, { message: 'title must not be empty' })
  @MaxLength(ANNOUNCEMENT_TITLE_MAX)
  title: string;

  @ApiProperty({ maxLength: ANNOUNCEMENT_BODY_MAX })
  @Transform(trimmed)
  @IsString()
  @Matches(NOT_BLANK, { message: 'body must not be empty' })
  @MaxLength(ANNOUNCEMENT_BODY_MAX)
  body: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: ANNOUNCEMENT_ATTACHMENTS_MAX,
    description: 'Files of the cohort’s course to attach (400 attachment-not-of-course otherwise)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ANNOUNCEMENT_ATTACHMENTS_MAX)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  materialIds?: string[];
}

export class UpdateAnnouncementDto {
  @ApiPropertyOptional({ maxLength: ANNOUNCEMENT_TITLE_MAX })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Matches(NOT_BLANK, { message: 'title must not be empty' })
  @MaxLength(ANNOUNCEMENT_TITLE_MAX)
  title?: string;

  @ApiPropertyOptional({ maxLength: ANNOUNCEMENT_BODY_MAX })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @Matches(NOT_BLANK, { message: 'body must not be empty' })
  @MaxLength(ANNOUNCEMENT_BODY_MAX)
  body?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: ANNOUNCEMENT_ATTACHMENTS_MAX })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ANNOUNCEMENT_ATTACHMENTS_MAX)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  materialIds?: string[];
}

export class BoardAnswerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: BoardAuthorDto, nullable: true }) author: BoardAuthorDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() accepted: boolean;
  @ApiProperty({ description: 'Hidden by a moderator: only staff see it (marked)' }) hidden: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Staff only' }) hiddenReason: string | null;
}

export class QuestionAttachmentDto {
  @ApiProperty() fileName: string;
  @ApiProperty() contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ example: '/api/questions/0b7c…/attachment' }) url: string;
}

export class UploadQuestionFileDto {
  @ApiProperty({ type: 'string', format: 'binary' })
  file: unknown;
}

export class BoardQuestionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: BoardAuthorDto, nullable: true }) author: BoardAuthorDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'Kept by a teacher for the next live session; pinned ones come first' })
  pinned: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) acceptedAnswerId: string | null;
  @ApiProperty({ description: 'No visible answer for 48 hours or more' }) waiting: boolean;
  @ApiProperty() hidden: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Staff only' }) hiddenReason: string | null;
  @ApiProperty({ type: QuestionAttachmentDto, nullable: true, description: 'The asker’s file, if any' })
  attachment: QuestionAttachmentDto | null;
  @ApiProperty({ type: [BoardAnswerDto], description: 'Oldest first; hidden ones for staff only' })
  answers: BoardAnswerDto[];
}

export class BoardQuestionListDto {
  @ApiProperty({ type: [BoardQuestionDto], description: 'Pinned first, then newest first' })
  items: BoardQuestionDto[];
  @ApiProperty() total: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'For staff: visible questions with no visible answer for 48 hours or more; null for trainees',
  })
  waitingCount: number | null;
  @ApiProperty({ type: BoardPermissionsDto }) permissions: BoardPermissionsDto;
}

export class BoardQuestionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description: 'Staff only: just the questions with no visible answer for 48 hours or more, oldest first',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  waiting?: boolean;
}

export class PostTextDto {
  @ApiProperty({ maxLength: BOARD_POST_MAX, description: 'Markdown-like text, as announcements' })
  @Transform(trimmed)
  @IsString()
  @Matches(NOT_BLANK, { message: 'body must not be empty' })
  @MaxLength(BOARD_POST_MAX)
  body: string;
}

export class AcceptAnswerDto {
  @ApiProperty({ format: 'uuid', description: 'One of the question’s visible answers' })
  @IsUUID()
  answerId: string;
}

export class PinQuestionDto {
  @ApiProperty() @IsBoolean() pinned: boolean;
}

export class HideDto {
  @ApiProperty({ maxLength: 500, description: 'Why, kept in the audit log and shown to staff' })
  @Transform(trimmed)
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be empty' })
  @MaxLength(500)
  reason: string;
}
