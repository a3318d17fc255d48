import { ApiProperty } from '@nestjs/swagger';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '@mre/contracts';
import { IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export const ATTENDANCE_SOURCES = ['live', 'in_person', 'manual'] as const;
export type AttendanceSource = (typeof ATTENDANCE_SOURCES)[number];

export class AttendanceRowDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() fullName: string;
  @ApiProperty() minutesPresent: number;
  @ApiProperty({ description: 'Share of the scheduled minutes, 0–100' }) percent: number;
  @ApiProperty({ enum: ATTENDANCE_STATUSES }) status: AttendanceStatus;
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
