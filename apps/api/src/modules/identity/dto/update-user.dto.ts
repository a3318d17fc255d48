import { ApiPropertyOptional } from '@nestjs/swagger';
import { LOCALES, ROLES, type Locale, type Role } from '@mre/contracts';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsTimeZone } from '@/core/http/is-time-zone';

/** What an admin may change of a user; `disabled` signs the user out everywhere. */
export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({
    enum: ['active', 'disabled'],
    description: 'An invited user becomes active by accepting the invitation',
  })
  @IsOptional()
  @IsIn(['active', 'disabled'])
  status?: 'active' | 'disabled';

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional()
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null removes it' })
  @IsOptional()
  @IsUUID()
  networkId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, description: 'null removes it' })
  @IsOptional()
  @IsUUID()
  centreId?: string | null;
}
