import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  RECORDING_STATUSES,
  ROOM_ROLES,
  SESSION_MODES,
  SESSION_STATUSES,
  type RecordingStatus,
  type RoomRole,
  type SessionMode,
  type SessionStatus,
} from '@mre/contracts';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ErrorDto } from '@/core/http/error.dto';
import { HasSomeLanguage, LocalizedTextDto, orPlain } from '@/core/http/localized-text.dto';
import { IsTimeZone } from '@/core/http/is-time-zone';
import { PageQueryDto } from '@/core/http/pagination';
import type { LiveSessionEntity } from '../live-session.entity';

const WITH_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;
const OFFSET_MESSAGE =
  'startsAt must be an ISO 8601 date-time with an offset, such as 2027-03-09T18:00:00-05:00';

export class CreateSessionsDto {
  @ApiPropertyOptional({
    example: 'Hydraulique : circuits de freinage',
    description:
      'Plain-text title, kept in the language of its letters (Arabic, else French); required unless `titles` is given',
  })
  @ValidateIf((dto: CreateSessionsDto) => dto.titles === undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({
    type: LocalizedTextDto,
    description: 'The title in ar/fr/en; at least one language',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  @HasSomeLanguage()
  titles?: LocalizedTextDto;

  @ApiProperty({
    example: '2027-03-09T18:00:00-05:00',
    description: 'With an offset; stored and answered in UTC',
  })
  @IsISO8601({ strict: true }, { message: OFFSET_MESSAGE })
  @Matches(WITH_OFFSET, { message: OFFSET_MESSAGE })
  startsAt: string;

  @ApiProperty({ minimum: 15, maximum: 480 })
  @IsInt()
  @Min(15)
  @Max(480)
  durationMinutes: number;

  @ApiProperty({ enum: SESSION_MODES })
  @IsIn(SESSION_MODES)
  mode: SessionMode;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: 52,
    description: 'N weekly sessions at the same local time in timeZone',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(52)
  repeatWeeks?: number;

  @ApiPropertyOptional({
    example: 'America/Toronto',
    description:
      "The zone whose wall clock the session keeps (required with repeatWeeks); default: the teacher's zone (the scheduler's when they teach the cohort)",
  })
  @ValidateIf((dto: CreateSessionsDto) => dto.repeatWeeks !== undefined || dto.timeZone !== undefined)
  @IsTimeZone({ message: 'timeZone must be an IANA time zone (required with repeatWeeks)' })
  timeZone?: string;
}

/** Which sessions of a weekly series a change applies to: this one, or this one and every later one. */
export const SERIES_SCOPES = ['one', 'following'] as const;
export type SeriesScope = (typeof SERIES_SCOPES)[number];

const SCOPE_DESCRIPTION =
  "For a session of a weekly series: 'one' (when left out) changes this session only, 'following' this one and every later scheduled one of the series";

export class UpdateSessionDto {
  @ApiPropertyOptional({
    enum: SERIES_SCOPES,

    description: `${SCOPE_DESCRIPTION}; a new start moves each by the same change of wall-clock time in its zone, so they keep their local time across daylight-saving or rule changes`,
  })
  @IsOptional()
  @IsIn(SERIES_SCOPES)
  scope?: SeriesScope;

  @ApiPropertyOptional({ description: 'Sets the title in the language of its letters, keeping the others' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ type: LocalizedTextDto, description: 'Replaces the titles in every language' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  @HasSomeLanguage()
  titles?: LocalizedTextDto;

  @ApiPropertyOptional({ example: '2027-03-10T18:00:00-05:00' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: OFFSET_MESSAGE })
  @Matches(WITH_OFFSET, { message: OFFSET_MESSAGE })
  startsAt?: string;

  @ApiPropertyOptional({ minimum: 15, maximum: 480 })
  @IsOptional()
  @IsInt()
  @Min(15)
  @Max(480)
  durationMinutes?: number;

  @ApiPropertyOptional({ enum: SESSION_MODES })
  @IsOptional()
  @IsIn(SESSION_MODES)
  mode?: SessionMode;

  @ApiPropertyOptional({
    example: 'Africa/Casablanca',
    description: 'The zone whose wall clock the session keeps from now on',
  })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;
}

export class CancelSessionDto {
  @ApiPropertyOptional({ enum: SERIES_SCOPES, description: SCOPE_DESCRIPTION })
  @IsOptional()
  @IsIn(SERIES_SCOPES)
  scope?: SeriesScope;

  @ApiPropertyOptional({
    example: 'Le formateur est malade',
    description:
      'Why, as plain text kept in the language of its letters (Arabic, else French); shown to trainees and put in the notice',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  reason?: string;

  @ApiPropertyOptional({
    type: LocalizedTextDto,
    description: 'Why, in ar/fr/en: each person reads it in their language',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedTextDto)
  @HasSomeLanguage()
  reasons?: LocalizedTextDto;
}

export class ScheduleQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    example: '2027-03-01T00:00:00Z',
    description: 'Sessions ending after this instant (default: now)',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({
    example: '2027-04-01T00:00:00Z',
    description: 'Sessions starting before this instant',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @Matches(/^[0-9a-f-]{36}$/i, { message: 'cohortId must be a UUID' })
  cohortId?: string;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty({ description: 'The title in French, else in the first language present (see `titles`)' })
  title: string;
  @ApiProperty({ type: LocalizedTextDto }) titles: LocalizedTextDto;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({
    example: '2026-09-22T10:00:00',
    description: 'The agreed wall-clock start in timeZone; a change of time-zone rules never moves it',
  })
  localStart: string;
  @ApiProperty({ example: 'Africa/Casablanca' }) timeZone: string;
  @ApiProperty({ format: 'date-time', description: 'From when the session can be joined' })
  joinOpensAt: string;
  @ApiProperty() durationMinutes: number;
  @ApiProperty({ enum: SESSION_MODES }) mode: SessionMode;
  @ApiProperty({ enum: SESSION_STATUSES }) status: SessionStatus;
  @ApiProperty() roomName: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) seriesId: string | null;
  @ApiProperty({
    type: LocalizedTextDto,
    nullable: true,
    description: 'Why it was cancelled, in the languages given; null when no reason was given',
  })
  cancellationReasons: LocalizedTextDto | null;
  @ApiPropertyOptional({ description: 'In the schedule (GET /sessions): a recording can be watched' })
  recordingAvailable?: boolean;

  @ApiPropertyOptional({
    type: [String],
    description: "In the schedule: the full names of the cohort's teachers",
  })
  teacherNames?: string[];

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      'In the schedule, for a session of a weekly series: its place in the series (1 for the first), cancelled sessions counted',
  })
  seriesPosition?: number | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      'In the schedule, for a session of a weekly series: how many sessions it has, cancelled ones counted',
  })
  seriesLength?: number | null;

  static from(session: LiveSessionEntity, joinWindowMinutes: number): SessionDto {
    return {
      id: session.id,
      cohortId: session.cohortId,
      title: session.title,
      titles: orPlain(session.titles, session.title),
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      localStart: session.localStart,
      timeZone: session.timeZone,
      joinOpensAt: new Date(session.startsAt.getTime() - joinWindowMinutes * 60_000).toISOString(),
      durationMinutes: Math.round((session.endsAt.getTime() - session.startsAt.getTime()) / 60_000),
      mode: session.mode,
      status: session.status,
      roomName: session.roomName,
      seriesId: session.seriesId,
      cancellationReasons: session.cancellationReasons ?? null,
    };
  }
}

export class SessionListDto {
  @ApiProperty({ type: [SessionDto] }) items: SessionDto[];
  @ApiProperty() total: number;
}

export class JoinResponseDto {
  @ApiProperty({ example: 'wss://live.academy.example' }) serverUrl: string;
  @ApiProperty() token: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ enum: ROOM_ROLES }) role: RoomRole;
}

export class RoomActionResultDto {
  @ApiProperty({
    description: 'false when LiveKit could not be reached; the refusal of new tokens holds all the same',
  })
  appliedInRoom: boolean;
}

export class RecordingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    enum: RECORDING_STATUSES,
    description: 'expired: its files were removed (retention); failed: see failureReason',
  })
  status: RecordingStatus;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: Number, nullable: true }) durationSeconds: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The video (MP4), once Egress has written it' })
  sizeBytes: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The audio-only copy (OGG), once written' })
  audioSizeBytes: number | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the files are deleted (the cohort’s retention, else RECORDING_RETENTION_DAYS)',
  })
  expiresAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'What Egress reported when an output failed' })
  failureReason: string | null;
}

export class RecordingListDto {
  @ApiProperty({ type: [RecordingDto] }) items: RecordingDto[];
  @ApiProperty() total: number;
}

export class TooEarlyDto extends ErrorDto {
  @ApiProperty({ example: 425 }) declare statusCode: number;
  @ApiProperty({ format: 'date-time' }) opensAt: string;
}
