import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { AuthUser } from '@/core/auth/auth-user';
import { AllowBeforeTwoFactor, CurrentUser, Public } from '@/core/auth/decorators';
import { AuthService } from './auth.service';
import {
  AcceptInviteDto,
  ForgotPasswordDto,
  LoginDto,
  LoginResponseDto,
  LoginTwoFactorDto,
  LogoutDto,
  MfaChallengeDto,
  RefreshDto,
  ResetPasswordDto,
} from './dto/auth.dto';

const TOKENS_OR_CHALLENGE = {
  schema: { oneOf: [{ $ref: getSchemaPath(LoginResponseDto) }, { $ref: getSchemaPath(MfaChallengeDto) }] },
};

@ApiTags('identity')
@ApiExtraModels(LoginResponseDto, MfaChallengeDto)
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @ApiOkResponse({ ...TOKENS_OR_CHALLENGE, description: 'Tokens, or `{mfaRequired, mfaToken}` with 2FA' })
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<LoginResponseDto | MfaChallengeDto> {
    return this.auth.login(dto.email, dto.password, ip);
  }

  @Public()
  @Post('login/2fa')
  @ApiOkResponse({ type: LoginResponseDto })
  @HttpCode(200)
  loginTwoFactor(@Body() dto: LoginTwoFactorDto, @Ip() ip: string): Promise<LoginResponseDto> {
    return this.auth.loginTwoFactor(dto.mfaToken, dto.code, ip);
  }

  @Public()
  @Post('refresh')
  @ApiOkResponse({ type: LoginResponseDto })
  @HttpCode(200)
  refresh(@Body() dto: RefreshDto): Promise<LoginResponseDto> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Public()
  @Post('accept-invite')
  @ApiOkResponse({ type: LoginResponseDto })
  @HttpCode(200)
  acceptInvite(@Body() dto: AcceptInviteDto, @Ip() ip: string): Promise<LoginResponseDto> {
    return this.auth.acceptInvite(dto, ip);
  }

  @ApiBearerAuth()
  @AllowBeforeTwoFactor()
  @Post('logout')
  @HttpCode(204)
  logout(@Body() dto: LogoutDto, @CurrentUser() user: AuthUser, @Ip() ip: string): Promise<void> {
    return this.auth.logout(dto.refreshToken, user, ip);
  }

  @Public()
  @Post('forgot-password')
  @ApiAcceptedResponse({ description: 'Always, whether the e-mail is known or not' })
  @HttpCode(202)
  forgotPassword(@Body() dto: ForgotPasswordDto, @Ip() ip: string): Promise<void> {
    return this.auth.forgotPassword(dto.email, ip);
  }

  @Public()
  @Post('reset-password')
  @ApiOkResponse({ ...TOKENS_OR_CHALLENGE, description: 'Tokens; `{mfaRequired, mfaToken}` with 2FA' })
  @HttpCode(200)
  resetPassword(
    @Body() dto: ResetPasswordDto,
    @Ip() ip: string,
  ): Promise<LoginResponseDto | MfaChallengeDto> {
    return this.auth.resetPassword(dto.token, dto.password, ip);
  }
}
