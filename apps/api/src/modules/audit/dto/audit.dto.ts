import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from '@/core/http/pagination';
import type { AuditEntity } from '../audit.entity';

export class ListAuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    example: 'cohort',
    description: 'The kind of record: cohort, session, certificate...',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z_]{0,39}$/, { message: 'entity must be a record kind such as cohort' })
  entity?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only what this person did' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "A person's trail: what they did, and what was done to their account",
  })
  @IsOptional()
  @IsUUID()
  personId?: string;
}

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null when the platform acted' })
  actorId: string | null;
  @ApiProperty({ example: 'enrollment.withdrawn' }) action: string;
  @ApiProperty({ example: 'cohort' }) entity: string;
  @ApiProperty({ format: 'uuid' }) entityId: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: object;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(entry: AuditEntity): AuditEntryDto {
    return {
      id: entry.id,
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entityType,
      entityId: entry.entityId,
      reason: entry.reason,
      data: entry.data,
      createdAt: entry.createdAt.toISOString(),
    };
  }
}

export class AuditListDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiProperty() total: number;
}
