import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LOCALES, ROLES, type Locale, type Role } from '@mre/contracts';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsTimeZone } from '@/core/http/is-time-zone';

export const MIN_PASSWORD_LENGTH = 10;

export class CreateUserDto {
  @ApiProperty({ example: 'amina@example.ma' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'أمينة العلوي' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ example: 'America/Toronto' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "An expert's network" })
  @IsOptional()
  @IsUUID()
  networkId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "A coordinator's or trainee's centre" })
  @IsOptional()
  @IsUUID()
  centreId?: string;

  @ApiPropertyOptional({
    minLength: MIN_PASSWORD_LENGTH,
    description: 'Without it the user is invited by e-mail',
  })
  @IsOptional()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(200)
  password?: string;
}
