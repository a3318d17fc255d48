import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { IsTimeZone } from '@/core/http/is-time-zone';
import { MIN_PASSWORD_LENGTH } from './create-user.dto';
import { UserDto } from './user.dto';

export class LoginDto {
  @ApiProperty({ example: 'admin@academy.local' })
  @IsString()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  password: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  refreshToken: string;
}

export class AcceptInviteDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({
    example: 'America/Toronto',
    description: "The invitee's own zone (their browser's): replaces the one set when they were invited",
  })
  @IsOptional()
  @IsTimeZone()
  timeZone?: string;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'Short-lived JWT for the Authorization header' }) accessToken: string;
  @ApiProperty({ description: 'One-time token for POST /auth/refresh' }) refreshToken: string;
  @ApiProperty({ type: UserDto }) user: UserDto;
}

/** Sign-in of a person with two-factor sign-in: the second step is POST /auth/login/2fa. */
export class MfaChallengeDto {
  @ApiProperty({ enum: [true] }) mfaRequired: true;
  @ApiProperty({ description: 'For POST /auth/login/2fa, valid 5 minutes' }) mfaToken: string;
}

export class LoginTwoFactorDto {
  @ApiProperty()
  @IsString()
  @MaxLength(1000)
  mfaToken: string;

  @ApiProperty({ description: 'A 6-digit TOTP code, or a recovery code such as k3m9q-x7d2p' })
  @IsString()
  @MaxLength(20)
  code: string;
}

export class LogoutDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  refreshToken: string;
}

export class ForgotPasswordDto {
  @ApiProperty({ example: 'amina@example.ma' })
  @IsString()
  @MaxLength(254)
  email: string;
}

export class ResetPasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(200)
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(200)
  newPassword: string;
}

export class TwoFactorCodeDto {
  @ApiProperty({ description: 'A 6-digit TOTP code (disable also takes a recovery code)' })
  @IsString()
  @MaxLength(20)
  code: string;
}

export class TwoFactorSetupDto {
  @ApiProperty({ example: 'otpauth://totp/MRE%20Academy:amina%40example.ma?secret=...' }) otpauthUrl: string;
  @ApiProperty({ description: 'Base32, for typing into an authenticator app' }) secret: string;
}

export class RecoveryCodesDto {
  @ApiProperty({ type: [String], description: 'Ten single-use codes, shown this once' })
  recoveryCodes: string[];
}
