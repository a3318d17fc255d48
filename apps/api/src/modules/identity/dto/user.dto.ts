import { ApiProperty } from '@nestjs/swagger';
import { LOCALES, ROLES, USER_STATUSES, type Locale, type Role, type UserStatus } from '@mre/contracts';
import type { UserEntity } from '../user.entity';

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ enum: USER_STATUSES }) status: UserStatus;
  @ApiProperty({ enum: LOCALES }) locale: Locale;
  @ApiProperty({ example: 'Africa/Casablanca' }) timeZone: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) networkId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) centreId: string | null;
  @ApiProperty({
    description: 'The name is the legal name on certificates: once enrolled, only staff change it',
  })
  legalNameLocked: boolean;
  @ApiProperty({
    type: Boolean,
    nullable: true,
    description:
      'The person’s data-saver choice; null follows the browser’s report of a slow or metered connection',
  })
  dataSaver: boolean | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastSignInAt: string | null;
  @ApiProperty({ description: 'Whether two-factor sign-in is on' }) twoFactorEnabled: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the person’s data was erased at their request: name and e-mail are then a pseudonym',
  })
  erasedAt: string | null;

  static from(user: UserEntity): UserDto {
    return {
      id: user.id,
      email: user.email,
      fullName: user.fullName,
      role: user.role,
      status: user.status,
      locale: user.locale,
      timeZone: user.timeZone,
      networkId: user.networkId,
      centreId: user.centreId,
      legalNameLocked: user.legalNameLocked,
      dataSaver: user.dataSaver,
      createdAt: user.createdAt.toISOString(),
      lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
      twoFactorEnabled: user.twoFactorEnabledAt !== null && user.twoFactorEnabledAt !== undefined,
      erasedAt: user.erasedAt?.toISOString() ?? null,
    };
  }
}

export class UserListDto {
  @ApiProperty({ type: [UserDto] }) items: UserDto[];
  @ApiProperty() total: number;
}
