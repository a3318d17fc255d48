import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class CalendarFeedDto {
  @ApiProperty({
    example: 'https://academy.example/api/calendar/3q2-7wEtqQ3JX1x8bU0k9m4Xc7yYkR2bX4mJc5u9a8E.ics',
    description: 'The feed over HTTPS: what a calendar asks for a URL',
  })
  url: string;

  @ApiProperty({
    example: 'webcal://academy.example/api/calendar/3q2-7wEtqQ3JX1x8bU0k9m4Xc7yYkR2bX4mJc5u9a8E.ics',
    description: 'The same feed as a webcal:// link, which opens the calendar app to subscribe',
  })
  webcalUrl: string;

  @ApiProperty({ example: '2026-12-06T21:00:00.000Z' })
  createdAt: string;
}

export class CalendarFeedQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this cohort's sessions" })
  @IsOptional()
  @IsUUID()
  cohort?: string;
}
