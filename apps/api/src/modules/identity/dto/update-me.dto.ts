import { ApiPropertyOptional } from '@nestjs/swagger';
import { LOCALES, type Locale } from '@mre/contracts';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsTimeZone } from '@/core/http/is-time-zone';

export class UpdateMeDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional({ example: 'Europe/Berlin' })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;

  @ApiPropertyOptional({
    type: Boolean,
    nullable: true,
    description: 'true or false is the person’s choice; null goes back to following the connection',
  })
  @IsOptional()
  @IsBoolean()
  dataSaver?: boolean | null;
}
