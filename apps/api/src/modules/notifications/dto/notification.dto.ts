import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTIFICATION_KINDS, type NotificationKind } from '@mre/contracts';
import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsUUID } from 'class-validator';
import type { NotificationEntity } from '../notification.entity';

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: NotificationKind;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'What the web needs to word it: sessionId, title, startsAt (UTC), reminder (24h|15m); or certificateId, code, courseTitle',
  })
  params: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(entity: NotificationEntity): NotificationDto {
    return {
      id: entity.id,
      kind: entity.kind,
      params: entity.params as Record<string, unknown>,
      readAt: entity.readAt?.toISOString() ?? null,
      createdAt: entity.createdAt.toISOString(),
    };
  }
}

export class NotificationListDto {
  @ApiProperty({ type: [NotificationDto], description: 'Newest first' }) items: NotificationDto[];
  @ApiProperty() total: number;
  @ApiProperty({ description: 'How many of all the caller’s notifications are unread (the bell’s number)' })
  unread: number;
}

export class MarkReadDto {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'The notifications to mark read; all of them when absent',
  })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ids?: string[];
}

export class UnreadCountDto {
  @ApiProperty() unread: number;
}
