import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ENROLLMENT_STATUSES, LOCALES, type EnrollmentStatus, type Locale } from '@mre/contracts';
import {
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { IsTimeZone } from '@/core/http/is-time-zone';
import { PageQueryDto } from '@/core/http/pagination';
import type { EnrollmentEntity } from '../enrollment.entity';

/** Either a known user, or an e-mail and a name (an unknown e-mail is invited as a trainee). */
export class EnrollDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A trainee; or give email and fullName instead' })
  @ValidateIf((o: EnrollDto) => o.email === undefined)
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({ example: 'yasmine@example.ma' })
  @ValidateIf((o: EnrollDto) => o.userId === undefined)
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ example: 'ياسمين بناني', description: 'Needed with email' })
  @ValidateIf((o: EnrollDto) => o.userId === undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional({
    enum: LOCALES,
    description: 'Language of the invitation of a new user (default fr)',
  })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ example: 'Africa/Casablanca', description: 'Time zone of a new user' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;
}

export class ListEnrollmentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ENROLLMENT_STATUSES })
  @IsOptional()
  @IsIn(ENROLLMENT_STATUSES)
  status?: EnrollmentStatus;

  @ApiPropertyOptional({ description: 'Part of the name or e-mail' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class WithdrawQueryDto {
  @ApiPropertyOptional({ description: 'Why, for the audit log' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class EnrollmentDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() fullName: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ENROLLMENT_STATUSES }) status: EnrollmentStatus;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Place in the waitlist, from 1; null unless waitlisted',
  })
  position: number | null;
  @ApiProperty({ format: 'date-time' }) enrolledAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  /** The enrollment must be loaded with its user. */
  static from(enrollment: EnrollmentEntity): EnrollmentDto {
    return {
      userId: enrollment.userId,
      fullName: enrollment.user?.fullName ?? '',
      email: enrollment.user?.email ?? '',
      status: enrollment.status,
      position: enrollment.position,
      enrolledAt: enrollment.createdAt.toISOString(),
      updatedAt: enrollment.updatedAt.toISOString(),
    };
  }
}

export class EnrollmentListDto {
  @ApiProperty({ type: [EnrollmentDto] }) items: EnrollmentDto[];
  @ApiProperty() total: number;
}

export class WithdrawalDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ enum: ['withdrawn'] }) status: 'withdrawn';
  @ApiProperty({ type: [String], format: 'uuid', description: 'Waitlisted people who got the freed place' })
  promotedUserIds: string[];
}
