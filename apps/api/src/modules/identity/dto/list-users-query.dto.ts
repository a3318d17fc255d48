import { ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@mre/contracts';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '@/core/http/pagination';

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'Part of the name or e-mail' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
