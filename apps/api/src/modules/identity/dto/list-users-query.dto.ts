import { ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, USER_STATUSES, type Role, type UserStatus } from '@mre/contracts';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '@/core/http/pagination';

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ enum: USER_STATUSES })
  @IsOptional()
  @IsIn(USER_STATUSES)
  status?: UserStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  centreId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  networkId?: string;

  @ApiPropertyOptional({ description: 'Part of the name or e-mail' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
