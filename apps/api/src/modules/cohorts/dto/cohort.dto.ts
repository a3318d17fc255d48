import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { COHORT_KINDS, ENROLLMENT_STATUSES, type CohortKind, type EnrollmentStatus } from '@mre/contracts';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { LocalizedTextDto } from '@/core/http/localized-text.dto';
import { PageQueryDto } from '@/core/http/pagination';
import type { CohortPermissions } from '../cohort-policy';
import type { CohortEntity } from '../cohort.entity';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date written YYYY-MM-DD that exists (no 30 February). */
function IsCalendarDate(): PropertyDecorator {
  return (target, key) => {
    Matches(DATE_ONLY, { message: `${String(key)} must be a date written YYYY-MM-DD` })(target, key);
    IsISO8601({ strict: true }, { message: `${String(key)} must be a date that exists` })(target, key);
  };
}

export class CreateCohortDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  courseId: string;

  @ApiProperty({ example: 'Kénitra — printemps 2026' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: COHORT_KINDS })
  @IsIn(COHORT_KINDS)
  kind: CohortKind;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  centreId: string;

  @ApiProperty({ minimum: 1, maximum: 10000 })
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity: number;

  @ApiProperty({ format: 'date', example: '2026-03-02' })
  @IsCalendarDate()
  startsOn: string;

  @ApiProperty({ format: 'date', example: '2026-06-26' })
  @IsCalendarDate()
  endsOn: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Diaspora experts who teach the cohort' })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  teacherIds: string[];

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 100,
    default: 80,
    description: 'Attendance needed for the certificate',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  minAttendancePercent?: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: 3650,
    description: 'Days its recordings are kept; null: the platform default (RECORDING_RETENTION_DAYS)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  recordingRetentionDays?: number | null;

  @ApiPropertyOptional({
    default: true,
    description:
      'Whether the sessions may be recorded; trainees see it before enrolling and before joining a class',
  })
  @IsOptional()
  @IsBoolean()
  recordingAllowed?: boolean;

  @ApiPropertyOptional({
    description:
      'The certificate also needs a passed attempt at a `final` quiz opened for the cohort (false when absent at creation)',
  })
  @IsOptional()
  @IsBoolean()
  requiresFinalQuizPass?: boolean;
}

/** The course and the kind define what a cohort is, so they are set once. */
export class UpdateCohortDto extends PartialType(OmitType(CreateCohortDto, ['courseId', 'kind'] as const)) {}

export class ListCohortsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  courseId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  centreId?: string;

  @ApiPropertyOptional({ enum: COHORT_KINDS })
  @IsOptional()
  @IsIn(COHORT_KINDS)
  kind?: CohortKind;

  @ApiPropertyOptional({ description: 'Part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class CohortCountsDto {
  @ApiProperty({ description: 'Active and completed enrollments (the places taken)' }) enrolled: number;
  @ApiProperty() waitlisted: number;
}

export class MyEnrollmentDto {
  @ApiProperty({ enum: ENROLLMENT_STATUSES }) status: EnrollmentStatus;
  @ApiProperty({ type: Number, nullable: true, description: 'Place in the waitlist, from 1' }) position:
    number | null;
}

/** What the caller may do with the cohort, as the API decides it: clients show their actions by it. */
export class CohortPermissionsDto implements CohortPermissions {
  @ApiProperty({ description: "Change the cohort's details" }) edit: boolean;
  @ApiProperty({ description: 'Enroll and withdraw people, import a CSV' }) manage: boolean;
  @ApiProperty({ description: 'See the roster and the certificates issued' }) viewRoster: boolean;
  @ApiProperty() issueCertificates: boolean;
  @ApiProperty() revokeCertificates: boolean;
  @ApiProperty({ description: "Put sessions on the cohort's calendar" }) scheduleSessions: boolean;
}

export class CohortTeacherDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
  @ApiProperty({
    example: 'America/Toronto',
    description: "The teacher's own zone: where a session's start is read when scheduling it",
  })
  timeZone: string;
}

export class CohortDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty() courseCode: string;
  @ApiProperty({ type: LocalizedTextDto }) courseTitle: LocalizedTextDto;
  @ApiProperty({ format: 'uuid' }) centreId: string;
  @ApiProperty() centreName: string;
  @ApiProperty({ enum: COHORT_KINDS }) kind: CohortKind;
  @ApiProperty() name: string;
  @ApiProperty() capacity: number;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date' }) endsOn: string;
  @ApiProperty() minAttendancePercent: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null: RECORDING_RETENTION_DAYS' })
  recordingRetentionDays: number | null;
  @ApiProperty({ description: 'Whether the sessions may be recorded' }) recordingAllowed: boolean;
  @ApiProperty() requiresFinalQuizPass: boolean;
  @ApiProperty({ type: [String], format: 'uuid' }) teacherIds: string[];
  @ApiProperty({ type: [CohortTeacherDto], description: 'The same teachers, by name' })
  teachers: CohortTeacherDto[];
  @ApiProperty({ type: CohortCountsDto }) counts: CohortCountsDto;
  @ApiProperty({
    type: MyEnrollmentDto,
    nullable: true,
    description: "The caller's own enrollment in the cohort",
  })
  myEnrollment: MyEnrollmentDto | null;
  @ApiProperty({ type: CohortPermissionsDto }) permissions: CohortPermissionsDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  /** The cohort must be loaded with its course, centre and teachers. */
  static from(
    cohort: CohortEntity,
    counts: CohortCountsDto,
    myEnrollment: MyEnrollmentDto | null,
    permissions: CohortPermissions,
  ): CohortDto {
    return {
      id: cohort.id,
      courseId: cohort.courseId,
      courseCode: cohort.course?.code ?? '',
      courseTitle: cohort.course?.title ?? {},
      centreId: cohort.centreId,
      centreName: cohort.centre?.name ?? '',
      kind: cohort.kind,
      name: cohort.name,
      capacity: cohort.capacity,
      startsOn: cohort.startsOn,
      endsOn: cohort.endsOn,
      minAttendancePercent: cohort.minAttendancePercent,
      recordingRetentionDays: cohort.recordingRetentionDays,
      recordingAllowed: cohort.recordingAllowed,
      requiresFinalQuizPass: cohort.requiresFinalQuizPass,
      teacherIds: (cohort.teachers ?? []).map((t) => t.id).sort(),
      teachers: (cohort.teachers ?? [])
        .map((t) => ({ id: t.id, fullName: t.fullName, timeZone: t.timeZone }))
        .sort((a, b) => a.fullName.localeCompare(b.fullName)),
      counts,
      myEnrollment,
      permissions,
      createdAt: cohort.createdAt.toISOString(),
      updatedAt: cohort.updatedAt.toISOString(),
    };
  }
}

export class CohortListDto {
  @ApiProperty({ type: [CohortDto] }) items: CohortDto[];
  @ApiProperty() total: number;
}
