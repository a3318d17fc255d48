import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import type { LocalizedText } from '@mre/contracts';
import { LocalizedTextDto } from '@/core/http/localized-text.dto';
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
    description:
      "A person's trail: what they did, what was done to their account, and the entries that concern them (data.userId: enrolments, attendance, certificates), erased or not",
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
  @ApiProperty({ type: String, nullable: true, description: 'Who acted, by name' })
  actorName: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "What the entry is about, by name: a cohort's name, a session's title, a person's name, a certificate's code",
  })
  entityName: string | null;
  @ApiProperty({ type: LocalizedTextDto, nullable: true, description: "A session's title in each language" })
  entityTitles: LocalizedTextDto | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The person the entry concerns (data.userId), by name',
  })
  subjectName: string | null;

  static from(entry: AuditEntity, names?: AuditNames): AuditEntryDto {
    return {
      id: entry.id,
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entityType,
      entityId: entry.entityId,
      reason: entry.reason,
      data: entry.data,
      createdAt: entry.createdAt.toISOString(),
      actorName: names?.actorName ?? null,
      entityName: names?.entityName ?? null,
      entityTitles: names?.entityTitles ?? null,
      subjectName: names?.subjectName ?? null,
    };
  }
}

export interface AuditNames {
  actorName: string | null;
  entityName: string | null;
  entityTitles: LocalizedText | null;
  subjectName: string | null;
}

export class AuditListDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiProperty() total: number;
}
