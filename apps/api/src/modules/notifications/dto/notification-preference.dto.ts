import { ApiProperty } from '@nestjs/swagger';
import { EMAIL_MODES, NOTIFICATION_KINDS, type EmailMode, type NotificationKind } from '@mre/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength, ValidateNested } from 'class-validator';

export class NotificationPreferenceDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: NotificationKind;
  @ApiProperty({
    enum: EMAIL_MODES,
    description:
      'immediate: an e-mail at once; digest: in the daily digest (07:00 in their zone); off: in-app only',
  })
  email: EmailMode;
  @ApiProperty({ description: 'Whether this is the kind’s default (the person has not chosen)' })
  isDefault: boolean;
}

export class NotificationPreferenceListDto {
  @ApiProperty({ type: [NotificationPreferenceDto], description: 'Every kind that has an e-mail' })
  items: NotificationPreferenceDto[];
}

/** Kind and mode are checked by the service, which answers a specific code for each. */
export class NotificationPreferenceChangeDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  @IsString()
  @MaxLength(40)
  kind: string;

  @ApiProperty({ enum: EMAIL_MODES })
  @IsString()
  @MaxLength(10)
  email: string;
}

export class UpdateNotificationPreferencesDto {
  @ApiProperty({ type: [NotificationPreferenceChangeDto], description: 'The kinds to change; others stay' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(NOTIFICATION_KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => NotificationPreferenceChangeDto)
  items: NotificationPreferenceChangeDto[];
}
