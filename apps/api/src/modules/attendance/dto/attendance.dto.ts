import { ApiProperty } from '@nestjs/swagger';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '@mre/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export const ATTENDANCE_SOURCES = ['live', 'in_person', 'manual'] as const;
export type AttendanceSource = (typeof ATTENDANCE_SOURCES)[number];

export class AttendanceRowDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() fullName: string;
  @ApiProperty() minutesPresent: number;
  @ApiProperty({ description: 'Share of the scheduled minutes, 0–100' }) percent: number;
  @ApiProperty({
    enum: ATTENDANCE_STATUSES,
    nullable: true,
    description:
      'null while the session has not ended and nothing makes the person present or late yet (nobody is absent before the end)',
  })
  status: AttendanceStatus | null;
  @ApiProperty({ enum: ATTENDANCE_SOURCES }) source: AttendanceSource;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) firstJoinAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why it was corrected by hand' })
  correctionReason: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) correctedBy: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Who corrected it, by name' }) correctedByName:
    string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) correctedAt: string | null;
}

export class AttendanceListDto {
  @ApiProperty({ type: [AttendanceRowDto] }) items: AttendanceRowDto[];
  @ApiProperty() total: number;
}

export class MyAttendanceQueryDto {
  @ApiProperty({
    type: String,
    description: 'Up to 100 session ids, comma-separated',
    example: '6f1c2a4e-0000-4000-8000-000000000001,6f1c2a4e-0000-4000-8000-000000000002',
  })
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.split(',').filter(Boolean) : value,
  )
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true, message: 'sessionIds must be session ids (UUIDs) separated by commas' })
  sessionIds: string[];
}

export class MyAttendanceDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty() minutesPresent: number;
  @ApiProperty({ description: 'Share of the scheduled minutes, 0–100' }) percent: number;
  @ApiProperty({ enum: ATTENDANCE_STATUSES }) status: AttendanceStatus;
  @ApiProperty({ enum: ATTENDANCE_SOURCES }) source: AttendanceSource;
}

export class MyAttendanceListDto {
  @ApiProperty({ type: [MyAttendanceDto] }) items: MyAttendanceDto[];
  @ApiProperty() total: number;
}

export class CheckInDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId: string;
}

export class CorrectAttendanceDto {
  @ApiProperty({ enum: ATTENDANCE_STATUSES })
  @IsIn(ATTENDANCE_STATUSES)
  status: AttendanceStatus;

  @ApiProperty({ example: 'Medical certificate received' })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason: string;
}
