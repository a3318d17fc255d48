import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
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
}

export class LoginResponseDto {
  @ApiProperty({ description: 'Short-lived JWT for the Authorization header' }) accessToken: string;
  @ApiProperty({ description: 'One-time token for POST /auth/refresh' }) refreshToken: string;
  @ApiProperty({ type: UserDto }) user: UserDto;
}
